import type { Child, Props, Tags } from '../../dom/tags.js';
import { testimonialsMessages as m } from './testimonialsMessages.js';

/** What the wall is handed besides its tags: ids, the first order, what its controls do. */
export interface WallSettings {
  titleId: string;
  sortId: string;
  /** The order shown first. */
  sort: string;
  onSort?: () => void;
  onMore?: () => void;
  onRetry?: () => void;
}

/**
 * The parts of the `testimonials` wall, built with `t` (the DOM's tags in the widget, their
 * HTML twin on a server), so that a server-rendered wall is the widget's own markup.
 */
export function wallParts(
  t: Tags,
  { titleId, sortId, sort, onSort, onMore, onRetry }: WallSettings,
) {
  const { button, div, h2, label, option, p, section, select } = t;
  const picker = select(
    { id: sortId, onchange: onSort },
    option({ value: 'newest' }, m.newest),
    option({ value: 'highest', selected: sort === 'highest' }, m.highest),
  );
  return {
    /** The region, named by its heading; `props` add the state a server renders. */
    wall: (props?: Props, ...children: Child[]) =>
      section(
        {
          class: 'vouch-wall',
          'data-vouch-part': 'testimonials',
          'aria-labelledby': titleId,
          ...props,
        },
        ...children,
      ),
    title: h2({ id: titleId }, m.title),
    sort: picker,
    bar: div({ class: 'vouch-bar' }, label({ for: sortId }, m.sort), picker),
    loading: p({ role: 'status' }, m.loading),
    none: p({ class: 'vouch-none' }, m.none),
    failed: div(
      { role: 'alert' },
      p(m.failed),
      button({ type: 'button', class: 'vouch-button', onclick: onRetry }, m.retry),
    ),
    more: button({ type: 'button', class: 'vouch-button', onclick: onMore }, m.more),
    // Says how many "Load more" brought (to screen readers) or that it failed (to all).
    note: p({ role: 'status', class: 'vouch-sr' }),
  };
}

/**
 * What the wall shows in `status`: `list` when it has reviews (kept while another order
 * loads), else the loading, failed or empty words; "Load more" when there is a `next` page.
 */
export const wallChildren = (
  w: ReturnType<typeof wallParts>,
  status: string,
  list: Node | false | null,
  next: boolean,
) => [
  w.title,
  (list || status !== 'done') && w.bar,
  list || (status === 'error' ? w.failed : status === 'loading' ? w.loading : w.none),
  status === 'done' && next && w.more,
  w.note,
];
