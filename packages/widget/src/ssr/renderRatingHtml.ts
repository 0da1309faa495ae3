import type { RatingSummary } from '@vouch/core/schemas';
import { ratingMessages } from '../widgets/rating/ratingMessages.js';
import { ratingReserve } from '../widgets/rating/ratingReserve.js';
import { ratingStyles } from '../widgets/rating/ratingStyles.js';
import { ratingParts } from '../widgets/rating/renderRatingBadge.js';
import { type Html, htmlTags } from './htmlTags.js';
import { type HtmlRenderOptions, renderHost } from './renderHost.js';

/** Options of {@link renderRatingHtml}: the widget's own, and the site's locale. */
export interface RatingHtmlOptions extends HtmlRenderOptions {
  /** The product the summary is of, as the widget's `product` option. @default the whole site */
  product?: string | undefined;
  /** Where the badge links to, as the widget's `href` option (http(s) or relative). */
  href?: string | undefined;
  /** The site's locale (`config.locale`), for the numbers. @default the server's */
  locale?: string | undefined;
}

/**
 * The `rating` badge as HTML, from a summary of `GET /v1/sites/:site/rating`: the host
 * element `<div data-vouch="rating">` with the badge the widget shows, in a declarative
 * shadow root, for a page to include as it is. The widget takes it over when it loads.
 */
export function renderRatingHtml(summary: RatingSummary, options: RatingHtmlOptions = {}): string {
  const { product, href, locale } = options;
  const view = htmlTags.p(
    { class: 'vouch-rating', 'data-vouch-part': 'rating', 'data-state': 'done' },
    ratingParts({ summary, locale, messages: ratingMessages, href }, htmlTags),
  ) as unknown as Html;
  // The stars' fill, which the widget sets through the CSS object model, in the sheet here.
  const fill =
    summary.average === null ? '' : `.vouch-stars{--vouch-fill:${(summary.average / 5) * 100}%}`;
  return renderHost({
    ...options,
    name: 'rating',
    options: { product, href },
    reserve: ratingReserve,
    styles: ratingStyles + fill,
    view,
    state: [summary, locale],
  });
}
