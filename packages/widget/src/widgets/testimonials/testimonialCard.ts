import type { PublicTestimonial } from '@vouch/core/schemas';
import { type Tags, tags } from '../../dom/tags.js';
import type { TestimonialsMessages } from './testimonialsMessages.js';

/** What every card of one wall shares. */
export interface CardSettings {
  messages: TestimonialsMessages;
  /** The site's locale, for dates. @default the browser's */
  locale?: string | undefined;
  /** The shop's name, over the merchant's replies. */
  shop: string;
}

/**
 * One review as a list item: the author's name as its heading (focusable from script, for
 * "Load more"), the stars (decorative: the words say the rating), the date in the site's
 * locale, the badges, the title, the text and the merchant's reply. Every field the author
 * or the merchant wrote goes in as text, never as markup. The date is the day in UTC, as
 * the search-engine markup gives it, so that a page rendered on a server reads the same.
 * Built with `tg`: the DOM's tags, or the HTML twin of server-side rendering.
 */
export function testimonialCard(
  t: PublicTestimonial,
  { messages: m, locale, shop }: CardSettings,
  tg: Tags = tags,
): HTMLLIElement {
  const { div, h3, li, p, span, time } = tg;
  let day: string;
  try {
    day = new Date(t.createdAt).toLocaleDateString(locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
  } catch {
    day = t.createdAt.slice(0, 10);
  }
  return li(
    { class: 'vouch-card' },
    h3({ tabIndex: -1 }, t.authorName),
    p(
      span(
        { class: 'vouch-stars', 'aria-hidden': 'true' },
        '★★★★★☆☆☆☆☆'.slice(5 - t.rating, 10 - t.rating),
      ),
      span({ class: 'vouch-sr' }, m.rated(t.rating)),
      ' ',
      time({ datetime: t.createdAt, class: 'vouch-muted' }, day),
    ),
    (t.verifiedBuyer || t.incentivized) &&
      p(
        { class: 'vouch-badges' },
        t.verifiedBuyer && span({ class: 'vouch-badge' }, m.verified),
        t.incentivized && span({ class: 'vouch-badge' }, m.incentivized),
      ),
    t.title && p({ class: 'vouch-title' }, t.title),
    p({ class: 'vouch-body' }, t.body),
    t.reply &&
      div({ class: 'vouch-reply' }, p({ class: 'vouch-muted' }, m.reply(shop)), p(t.reply.body)),
  );
}
