import type {
  PublicTestimonial,
  RatingHistogram,
  RatingSummary,
  TestimonialPage,
} from '../schemas/testimonials.js';
import { arrayOf, nullable, num, object, optional, text } from './check.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import { ANY, anyText, booleanCheck, count } from './wireChecks.js';

// Twins of the testimonial schemas (../schemas/testimonials.ts) that the wall, the
// carousel and the rating badge need to read the public answers, plus the rules the
// review form shares with them. testimonialChecks.test.ts holds each to its schema.
// Nothing here imports zod, not even a constant: the schema module would come along.

/** Twin of `starRatingSchema`. */
export const starRatingCheck = num(1, 5, true, 'must be an integer from 1 to 5');

/** Twin of `productIdSchema`. */
export const productIdCheck = text(
  0,
  ANY,
  'must be 1–128 characters without spaces',
  /^[^\s]{1,128}$/,
);

/** Whether `value` is an absolute https URL of at most 2048 characters. */
const isHttpsUrl = (value: string): boolean => {
  if (value.length > 2048) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Twin of `httpsUrlSchema`. */
export const httpsUrlCheck = text(
  0,
  ANY,
  'must be an absolute https URL of at most 2048 characters',
  isHttpsUrl,
);

/** Twin of `publicTestimonialSchema`. */
export const publicTestimonialCheck = object<PublicTestimonial>(
  {
    id: anyText,
    rating: starRatingCheck,
    body: anyText,
    title: optional(anyText),
    authorName: anyText,
    createdAt: isoTimeCheck,
    product: optional(anyText),
    verifiedBuyer: booleanCheck,
    incentivized: booleanCheck,
    reply: optional(
      object<NonNullable<PublicTestimonial['reply']>>(
        { body: anyText, createdAt: isoTimeCheck },
        false,
      ),
    ),
    photoUrl: optional(httpsUrlCheck),
  },
  false,
);

/** Twin of `testimonialPageSchema`: the answer to `GET /v1/sites/:site/testimonials`. */
export const testimonialPageCheck = object<TestimonialPage>(
  { items: arrayOf(publicTestimonialCheck), nextCursor: nullable(anyText) },
  false,
);

/** Twin of `ratingHistogramSchema`. */
export const ratingHistogramCheck = object<RatingHistogram>(
  { 1: count, 2: count, 3: count, 4: count, 5: count },
  false,
);

/** Twin of `ratingSummarySchema`: the answer to `GET /v1/sites/:site/rating`. */
export const ratingSummaryCheck = object<RatingSummary>(
  {
    product: optional(anyText),
    average: nullable(num(1, 5, false, 'must be a number from 1 to 5')),
    count,
    histogram: ratingHistogramCheck,
  },
  false,
);
