// The `rating` widget: `data-vouch="rating"`, `<vouch-rating>`, and a lazily loaded chunk
// of the script-tag build. Options (from `data-*` or attributes, as strings): `product` —
// the product whose reviews count (default: every review of the site); `href` — where
// the badge links to, such as the reviews further down the page.

import type { RatingSummary } from '@vouch/core/schemas';
import { defineDomWidget } from '../defineDomWidget.js';
import { createLoad, type LoadState } from '../dom/createLoad.js';
import { tags } from '../dom/tags.js';
import { ratingMessages } from './rating/ratingMessages.js';
import { ratingReserve } from './rating/ratingReserve.js';
import { ratingStyles } from './rating/ratingStyles.js';
import { ratingParts } from './rating/renderRatingBadge.js';

/** Options of the `rating` widget. */
export interface RatingWidgetOptions extends Record<string, unknown> {
  /** The product whose approved reviews count. @default every review of the site */
  product?: string;
  /** Where the badge links to (http(s) or relative). @default no link */
  href?: string;
}

/**
 * The `rating` widget module, for `mount(element, ratingWidget, { client })`: a compact
 * badge for product pages and listings, "★★★★★ 4.8 from 1,203 reviews" (every approved
 * review counts, whatever its rating), or "No reviews yet". It holds one line from the
 * moment it is mounted, so nothing moves when the numbers arrive; if they cannot be
 * read it stays an empty line.
 */
export default defineDomWidget<RatingWidgetOptions>({
  name: 'rating',
  styles: ratingStyles,
  reserve: ratingReserve,
  render({ options, context, onUnmount, refresh }) {
    const { client, host, shadowRoot } = context;
    const product =
      typeof options.product === 'string' && options.product ? options.product : undefined;
    const href = typeof options.href === 'string' ? options.href : undefined;
    const load = createLoad(
      () =>
        Promise.all([
          client.rating(product),
          client.siteConfig().then(
            (config) => config.locale,
            () => undefined,
          ),
        ]),
      refresh,
      onUnmount,
    );
    const badge = tags.p({ class: 'vouch-rating', 'data-vouch-part': 'rating' });
    // A badge rendered on the server hands over the numbers it shows: shown at once, in the
    // same task, in place of the server's markup, until the API answers (a failed read
    // keeps it).
    const state = host.querySelector('script[data-vouch-state]')?.textContent;
    let seed: [RatingSummary, string | undefined] | undefined = state
      ? JSON.parse(state)
      : undefined;
    for (const node of shadowRoot.querySelectorAll('[data-vouch-ssr]')) node.remove();
    return () => {
      load.key('');
      let now = load.state();
      if (now.status === 'done') seed = undefined;
      if (seed) now = { status: 'done', value: seed } as LoadState<typeof seed>;
      badge.dataset.state = now.status;
      badge.replaceChildren(
        ...(now.status === 'done'
          ? ratingParts({
              summary: now.value[0],
              locale: now.value[1],
              messages: ratingMessages,
              href,
            })
          : []),
      );
      return badge;
    };
  },
});
