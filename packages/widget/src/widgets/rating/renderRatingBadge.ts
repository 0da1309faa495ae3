import type { RatingSummary } from '@vouch/core/schemas';
import { type Tags, tags } from '../../dom/tags.js';
import type { RatingMessages } from './ratingMessages.js';

/** What {@link ratingParts} shows. */
export interface RatingBadgeSettings {
  summary: RatingSummary;
  messages: RatingMessages;
  /** The locale numbers are written in (the site's). @default the browser's */
  locale?: string | undefined;
  /** Where the badge links to (the reviews on the page, say); http(s) or relative only. */
  href?: string | undefined;
}

/** Whether `href` is safe to follow: relative, or absolute http(s) (never `javascript:`). */
const safeHref = (href: string | undefined) => {
  if (!href) return undefined;
  try {
    return /^https?:$/.test(new URL(href, 'http://a').protocol) ? href : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The badge's content: "★★★★★ 4.8 from 1,203 reviews", the stars filled to the average,
 * read as "Rated 4.8 out of 5 from 1,203 reviews"; or "No reviews yet". The numbers are
 * written in `locale`. With a safe `href`, the whole of it is a link. Built with `t`:
 * the DOM's tags, or the HTML twin of server-side rendering (which writes the fill into
 * its own sheet).
 */
export function ratingParts(
  { summary, messages: m, locale, href }: RatingBadgeSettings,
  t: Tags = tags,
): (Node | string)[] {
  const { a, span } = t;
  const { average, count } = summary;
  let parts: (Node | string)[];
  if (average === null || count === 0) parts = [span({ class: 'vouch-muted' }, m.none)];
  else {
    const format = (value: number, digits: number) => {
      try {
        return new Intl.NumberFormat(locale, { minimumFractionDigits: digits }).format(value);
      } catch {
        return value.toFixed(digits);
      }
    };
    const shown = format(average, 1);
    const stars = span({ class: 'vouch-stars', 'aria-hidden': 'true' }, '★★★★★');
    // Through the CSS object model: a style attribute would need 'unsafe-inline'.
    stars.style?.setProperty('--vouch-fill', `${(average / 5) * 100}%`);
    parts = [
      stars,
      span({ class: 'vouch-average', 'aria-hidden': 'true' }, shown),
      span({ class: 'vouch-sr' }, m.rated(shown)),
      ` ${m.reviews(count, format(count, 0))}`,
    ];
  }
  const link = safeHref(href);
  return link ? [a({ href: link }, parts)] : parts;
}
