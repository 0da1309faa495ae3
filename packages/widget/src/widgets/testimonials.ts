// The `testimonials` widget: `data-vouch="testimonials"`, `<vouch-testimonials>`, and a
// lazily loaded chunk of the script-tag build. Options (from `data-*` or attributes, as
// strings): `product` — only the reviews of this product (default: every review of the
// site); `sort` — `newest` (default) or `highest` first; `limit` — reviews to a page,
// 1–50 (default 6). There is no filter by rating: every approved review is shown.
import type { SiteConfig } from '@vouch/core';
import type { TestimonialPage } from '@vouch/core/schemas';
import { defineDomWidget } from '../defineDomWidget.js';
import { createLoad, type LoadState } from '../dom/createLoad.js';
import { setChildren } from '../dom/setChildren.js';
import { tags } from '../dom/tags.js';
import { type CardSettings, testimonialCard } from './testimonials/testimonialCard.js';
import { testimonialsMessages as m } from './testimonials/testimonialsMessages.js';
import { testimonialsReserve } from './testimonials/testimonialsReserve.js';
import { testimonialsStyles } from './testimonials/testimonialsStyles.js';
import { wallChildren, wallParts } from './testimonials/wallParts.js';

type Shown = [TestimonialPage, SiteConfig | undefined];

/** Options of the `testimonials` widget. */
export interface TestimonialsWidgetOptions extends Record<string, unknown> {
  /** The product whose approved reviews are shown. @default every review of the site */
  product?: string;
  /** The order first shown; the shopper can change it. @default 'newest' */
  sort?: 'newest' | 'highest';
  /** Reviews to a page, 1–50 (a number, or its digits). @default 6 */
  limit?: number | string;
}

/**
 * The `testimonials` widget module, for `mount(element, testimonialsWidget, { client })`:
 * the wall of approved reviews, a region named by its heading "Customer reviews", with a
 * sort control and "Load more". It holds a first page's space from the moment it is
 * mounted, so nothing moves while it loads, and the empty and failed states fit in it.
 * "Load more" appends the next page below, announces how many came and moves focus to the
 * first new review's heading, so reading goes on where the new reviews begin.
 */
export default defineDomWidget<TestimonialsWidgetOptions>({
  name: 'testimonials',
  styles: testimonialsStyles,
  reserve: testimonialsReserve,
  render({ options, context: { client, id, host, shadowRoot }, onUnmount, refresh }) {
    const product =
      typeof options.product === 'string' && options.product ? options.product : undefined;
    const wanted = Number(options.limit);
    const limit = Number.isInteger(wanted) && wanted > 0 && wanted <= 50 ? wanted : 6;
    // The site's locale and name, read once (the script tag already has them).
    const site = client.siteConfig().catch(() => undefined);
    // Counts the first pages asked for: a later page of an older order is dropped.
    let run = 0;
    onUnmount(() => run++);
    const load = createLoad(
      (sort) => {
        run++;
        return Promise.all([
          client.testimonials({ product, sort: sort as 'newest' | 'highest', limit }),
          site,
        ]);
      },
      refresh,
      onUnmount,
    );

    const first = options.sort === 'highest' ? 'highest' : 'newest';
    const w = wallParts(tags, {
      titleId: id('title'),
      sortId: id('sort'),
      sort: first,
      onSort: refresh,
      onRetry: load.retry,
      onMore() {
        if (more.hasAttribute('aria-disabled')) return;
        const at = run;
        more.setAttribute('aria-disabled', 'true');
        client
          .testimonials({
            product,
            sort: sort.value as 'newest' | 'highest',
            limit,
            cursor: cursor ?? '',
          })
          .then(
            (page) => {
              if (at !== run) return;
              cursor = page.nextCursor;
              const cards = page.items.map((t) => testimonialCard(t, card));
              list.append(...cards);
              note.className = 'vouch-sr';
              note.textContent = m.shown(cards.length);
              refresh();
              (cards[0]?.firstChild as HTMLElement | undefined)?.focus();
            },
            () => {
              if (at !== run) return;
              note.className = 'vouch-muted';
              note.textContent = m.moreFailed;
            },
          )
          .finally(() => more.removeAttribute('aria-disabled'));
      },
    });
    const { sort, more, note } = w;
    const wall = w.wall();
    const list = tags.ul({ role: 'list' });
    let cursor: string | null = null;
    let card: CardSettings = { messages: m, shop: '' };
    let shown: Shown | undefined;
    // A wall rendered on the server hands over the page it shows: shown at once, in the
    // same task, in place of the server's markup, until the API answers for this order (a
    // failed read keeps it).
    const state = host.querySelector('script[data-vouch-state]')?.textContent;
    let seed: Shown | undefined = state ? JSON.parse(state) : undefined;
    for (const node of shadowRoot.querySelectorAll('[data-vouch-ssr]')) node.remove();

    return () => {
      load.key(sort.value);
      let now = load.state();
      if (now.status === 'done' || sort.value !== first) seed = undefined;
      if (seed) now = { status: 'done', value: seed } as LoadState<Shown>;
      const { status } = now;
      wall.dataset.state = status;
      wall.setAttribute('aria-busy', String(status === 'loading'));
      if (status === 'error') list.replaceChildren();
      if (status === 'done' && now.value !== shown) {
        shown = now.value;
        const [page, config] = now.value;
        cursor = page.nextCursor;
        card = { messages: m, locale: config?.locale, shop: config?.name ?? '' };
        note.textContent = '';
        list.replaceChildren(...page.items.map((t) => testimonialCard(t, card)));
      }
      // Loading another order, the reviews shown stay until the new ones are in.
      setChildren(wall, wallChildren(w, status, !!list.firstChild && list, cursor !== null));
      return wall;
    };
  },
});
