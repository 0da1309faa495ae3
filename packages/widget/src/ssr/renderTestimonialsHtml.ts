import { type ReviewProduct, reviewJsonLd } from '@vouch/core';
import type { RatingSummary, TestimonialPage } from '@vouch/core/schemas';
import { testimonialCard } from '../widgets/testimonials/testimonialCard.js';
import { testimonialsMessages } from '../widgets/testimonials/testimonialsMessages.js';
import { testimonialsReserve } from '../widgets/testimonials/testimonialsReserve.js';
import { testimonialsStyles } from '../widgets/testimonials/testimonialsStyles.js';
import { wallChildren, wallParts } from '../widgets/testimonials/wallParts.js';
import { type Html, htmlTags } from './htmlTags.js';
import { type HtmlRenderOptions, renderHost } from './renderHost.js';

/** Options of {@link renderTestimonialsHtml}: the widget's own, and the site's settings. */
export interface TestimonialsHtmlOptions extends HtmlRenderOptions {
  /** The product the page is of, as the widget's `product` option. @default the whole site */
  product?: string | undefined;
  /** The order the page is in, as the widget's `sort` option. @default 'newest' */
  sort?: 'newest' | 'highest' | undefined;
  /** Reviews to a page, as the widget's `limit` option (the page's own size). @default 6 */
  limit?: number | undefined;
  /** The site's locale (`config.locale`), for the dates. @default the server's */
  locale?: string | undefined;
  /** The shop's name (`config.name`), over the merchant's replies. */
  name?: string | undefined;
  /**
   * The product, for search-engine markup: a schema.org `Product` with the page's reviews
   * (`reviewJsonLd`) in a `<script type="application/ld+json">`, when there is any review
   * to mark up. @default no markup
   */
  jsonLd?: ReviewProduct | undefined;
  /**
   * The product's rating (`GET /v1/sites/:site/rating?product=`), for the markup's
   * `aggregateRating`, which counts every approved review, not only this page's.
   * @default the aggregate of this page
   */
  rating?: Pick<RatingSummary, 'average' | 'count'> | undefined;
}

/**
 * The `testimonials` wall as HTML, from a page of `GET /v1/sites/:site/testimonials`: the
 * host element `<div data-vouch="testimonials">` with the wall the widget shows when that
 * page is in (heading, sort control, the cards, "Load more" when there is a next page), in
 * a declarative shadow root, and, with `jsonLd`, the product's review markup. For a page
 * to include as it is; the widget takes it over when it loads.
 */
export function renderTestimonialsHtml(
  page: TestimonialPage,
  options: TestimonialsHtmlOptions = {},
): string {
  const { product, sort = 'newest', limit, locale, name, jsonLd, rating } = options;
  const w = wallParts(htmlTags, { titleId: 'vouch-ssr-title', sortId: 'vouch-ssr-sort', sort });
  const card = { messages: testimonialsMessages, locale, shop: name ?? '' };
  const list =
    page.items.length > 0 &&
    htmlTags.ul(
      { role: 'list' },
      page.items.map((t) => testimonialCard(t, card, htmlTags)),
    );
  const view = w.wall(
    { 'data-state': 'done', 'aria-busy': 'false' },
    wallChildren(w, 'done', list, page.nextCursor !== null),
  ) as unknown as Html;
  // A product without any review has no markup: search engines refuse a `Product` that
  // has neither reviews, a rating nor offers.
  const markup = jsonLd && reviewJsonLd(jsonLd, page.items, rating ? { aggregate: rating } : {});
  return renderHost({
    ...options,
    name: 'testimonials',
    options: { product, sort: sort === 'newest' ? undefined : sort, limit },
    reserve: testimonialsReserve,
    styles: testimonialsStyles,
    view,
    state: [page, { locale, name }],
    jsonLd: markup && (markup.review || markup.aggregateRating) ? markup : undefined,
  });
}
