import type { PublicTestimonial } from '../schemas/testimonials.js';
import { aggregateRating } from './aggregateRating.js';

/** The product the reviews are about, as a page knows it. */
export interface ReviewProduct {
  name: string;
  sku?: string | undefined;
  /** The product page's URL. */
  url?: string | undefined;
  /** One image URL, or several. */
  image?: string | readonly string[] | undefined;
}

/** A testimonial as the public read returns it; only these fields are marked up. */
export type ReviewedTestimonial = Pick<
  PublicTestimonial,
  'rating' | 'body' | 'authorName' | 'createdAt'
> & { title?: string | undefined };

/** Options of {@link reviewJsonLd}. */
export interface ReviewJsonLdOptions {
  /**
   * The aggregate of every approved review of the product (`GET /v1/sites/:site/rating`),
   * when `testimonials` are only one page of them.
   * @default the aggregate of `testimonials`
   */
  aggregate?: { average: number | null; count: number };
}

/** A schema.org `Rating` on the 1–5 scale. */
export interface RatingJsonLd {
  '@type': 'Rating';
  ratingValue: number;
  bestRating: 5;
  worstRating: 1;
}

/** A schema.org `Review` as {@link reviewJsonLd} writes it. */
export interface ReviewJsonLd {
  '@type': 'Review';
  reviewRating: RatingJsonLd;
  author: { '@type': 'Person'; name: string };
  /** The day it was published, `YYYY-MM-DD`. */
  datePublished: string;
  /** The review's title, when it has one. */
  name?: string;
  reviewBody: string;
}

/** A schema.org `AggregateRating` on the 1–5 scale. */
export interface AggregateRatingJsonLd {
  '@type': 'AggregateRating';
  ratingValue: number;
  reviewCount: number;
  bestRating: 5;
  worstRating: 1;
}

/** A schema.org `Product` with its reviews, as {@link reviewJsonLd} writes it. */
export interface ProductJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Product';
  name: string;
  sku?: string;
  url?: string;
  image?: string | string[];
  aggregateRating?: AggregateRatingJsonLd;
  review?: ReviewJsonLd[];
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Search-engine markup for a product's reviews: a schema.org `Product` with an
 * `aggregateRating` and a `review` per testimonial, in the structure Google documents for
 * review snippets. Without reviews (none given and no `aggregate` counting any) there is
 * no `aggregateRating`, and without testimonials no `review`. Place it in a page with
 * {@link serializeJsonLd}. Throws a `TypeError` naming a bad product name, rating or date.
 */
export function reviewJsonLd(
  product: ReviewProduct,
  testimonials: readonly ReviewedTestimonial[],
  options: ReviewJsonLdOptions = {},
): ProductJsonLd {
  if (typeof product?.name !== 'string' || product.name.trim() === '') {
    throw new TypeError('"product.name" must be a non-empty string');
  }
  const reviews = testimonials.map(toReview);
  const aggregate =
    options.aggregate ?? aggregateRating(testimonials.map((testimonial) => testimonial.rating));
  const markup: ProductJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
  };
  if (product.sku !== undefined) markup.sku = product.sku;
  if (product.url !== undefined) markup.url = product.url;
  if (product.image !== undefined) {
    markup.image = typeof product.image === 'string' ? product.image : [...product.image];
  }
  if (aggregate.count > 0 && aggregate.average !== null) {
    markup.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: aggregate.average,
      reviewCount: aggregate.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  if (reviews.length > 0) markup.review = reviews;
  return markup;
}

function toReview(testimonial: ReviewedTestimonial, index: number): ReviewJsonLd {
  const { rating } = testimonial;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new TypeError(
      `"testimonials[${index}].rating" must be an integer from 1 to 5, not ${String(rating)}`,
    );
  }
  const date = DATE.exec(String(testimonial.createdAt))?.[0];
  if (!date) {
    throw new TypeError(
      `"testimonials[${index}].createdAt" must be an ISO date, not ${String(testimonial.createdAt)}`,
    );
  }
  const review: ReviewJsonLd = {
    '@type': 'Review',
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating,
      bestRating: 5,
      worstRating: 1,
    },
    author: { '@type': 'Person', name: testimonial.authorName },
    datePublished: date,
    reviewBody: testimonial.body,
  };
  if (testimonial.title) review.name = testimonial.title;
  return review;
}
