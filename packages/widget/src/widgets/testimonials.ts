// The `testimonials` widget: `data-vouch="testimonials"`, `<vouch-testimonials>`, and a
// lazily loaded chunk of the script-tag build. Options (from `data-*` or attributes, as
// strings): `product` — only the reviews of this product (default: every review of the
// site); `sort` — `newest` (default) or `highest` first; `limit` — reviews to a page,
// 1–50 (default 6). There is no filter by rating: every approved review is shown.
import type { SiteConfig } from '@vouch/core';
import type { TestimonialPage } from '@vouch/core/schemas';
import { defineDomWidget } from '../defineDomWidget.js';
import { createLoad } from '../dom/createLoad.js';
import { setChildren } from '../dom/setChildren.js';
import { tags } from '../dom/tags.js';
import { type CardSettings, testimonialCard } from './testimonials/testimonialCard.js';
import { testimonialsMessages as m } from './testimonials/testimonialsMessages.js';
import { testimonialsReserve } from './testimonials/testimonialsReserve.js';
import { testimonialsStyles } from './testimonials/testimonialsStyles.js';

const { button, div, h2, label, option, p, section, select, ul } = tags;

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
  render({ options, context: { client, id }, onUnmount, refresh }) {
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

    const titleId = id('title');
    const sortId = id('sort');
    const sort = select(
      { id: sortId, onchange: refresh },
      option({ value: 'newest' }, m.newest),
      option({ value: 'highest' }, m.highest),
    );
    if (options.sort === 'highest') sort.value = 'highest';
    const wall = section({
      class: 'vouch-wall',
      'data-vouch-part': 'testimonials',
      'aria-labelledby': titleId,
    });
    const title = h2({ id: titleId }, m.title);
    const bar = div({ class: 'vouch-bar' }, label({ for: sortId }, m.sort), sort);
    const list = ul({ role: 'list' });
    const loading = p({ role: 'status' }, m.loading);
    const none = p({ class: 'vouch-none' }, m.none);
    const failed = div(
      { role: 'alert' },
      p(m.failed),
      button({ type: 'button', class: 'vouch-button', onclick: load.retry }, m.retry),
    );
    // Says how many "Load more" brought (to screen readers) or that it failed (to all).
    const note = p({ role: 'status', class: 'vouch-sr' });
    let cursor: string | null = null;
    let card: CardSettings = { messages: m, shop: '' };
    let shown: [TestimonialPage, SiteConfig | undefined] | undefined;

    const more = button(
      {
        type: 'button',
        class: 'vouch-button',
        onclick() {
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
      },
      m.more,
    );

    return () => {
      load.key(sort.value);
      const now = load.state();
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
      const some = list.firstChild;
      setChildren(wall, [
        title,
        (some || status !== 'done') && bar,
        some ? list : status === 'error' ? failed : status === 'loading' ? loading : none,
        status === 'done' && cursor !== null && more,
        note,
      ]);
      return wall;
    };
  },
});
