import * as z from 'zod/mini';
import { orderIdSchema } from './conversions.js';
import { identityHashSchema } from './identity.js';
import {
  customerIdSchema,
  eventIdSchema,
  httpUrlSchema,
  isoTimeSchema,
  publicKeySchema,
  visitorIdSchema,
} from './primitives.js';

/** Shortest testimonial body, counted after trimming: a one-word review is not a testimonial. */
export const MIN_TESTIMONIAL_BODY = 10;
/** Longest testimonial body, counted after trimming. */
export const MAX_TESTIMONIAL_BODY = 5000;
/** Longest testimonial title, counted after trimming. */
export const MAX_TESTIMONIAL_TITLE = 120;
/** Longest display name of a testimonial's author, counted after trimming. */
export const MAX_AUTHOR_NAME = 80;

const RATING_MESSAGE = 'must be an integer from 1 to 5';
/** A star rating: an integer from 1 (worst) to 5 (best). */
export const starRatingSchema = z
  .int({ error: RATING_MESSAGE })
  .check(z.minimum(1, RATING_MESSAGE), z.maximum(5, RATING_MESSAGE));

/**
 * The merchant's id of a product (a SKU, a handle, a numeric id): 1–128 characters
 * without spaces, the rule of order ids. Testimonials, walls and badges are per product.
 */
export const productIdSchema = z
  .string()
  .check(z.regex(/^[^\s]{1,128}$/, 'must be 1–128 characters without spaces'));

/** An absolute https URL of at most 2048 characters (a photo a page will load). */
export const httpsUrlSchema = z.string().check(
  z.refine((value) => {
    if (value.length > 2048) return false;
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute https URL of at most 2048 characters'),
);

/** A testimonial's text: trimmed, {@link MIN_TESTIMONIAL_BODY}–{@link MAX_TESTIMONIAL_BODY} characters. */
export const testimonialBodySchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(
      MIN_TESTIMONIAL_BODY,
      `must be ${MIN_TESTIMONIAL_BODY}–${MAX_TESTIMONIAL_BODY} characters`,
    ),
    z.maxLength(
      MAX_TESTIMONIAL_BODY,
      `must be ${MIN_TESTIMONIAL_BODY}–${MAX_TESTIMONIAL_BODY} characters`,
    ),
  );

/** A testimonial's headline: trimmed, 1–{@link MAX_TESTIMONIAL_TITLE} characters. */
export const testimonialTitleSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, `must be 1–${MAX_TESTIMONIAL_TITLE} characters`),
    z.maxLength(MAX_TESTIMONIAL_TITLE, `must be 1–${MAX_TESTIMONIAL_TITLE} characters`),
  );

/** The name a testimonial is published under: trimmed, 1–{@link MAX_AUTHOR_NAME} characters. */
export const authorNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, `must be 1–${MAX_AUTHOR_NAME} characters`),
    z.maxLength(MAX_AUTHOR_NAME, `must be 1–${MAX_AUTHOR_NAME} characters`),
  );

/** Which consent text the author saw, such as `reviews-2026-01`: 1–64 letters, digits, `.`, `_`, `-`. */
export const consentVersionSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, ".", "_" or "-"'));

const FILL_MESSAGE = 'must be a whole number of milliseconds ≥ 0';

/** Longest honeypot value accepted; a longer one is a malformed request, not a bot's answer. */
export const MAX_HONEYPOT = 1000;

/**
 * Body of `POST /v1/testimonials`; the testimonial is stored as `pending` until the
 * merchant approves it. Idempotent by `id` when given (the form's outbox always gives one).
 * Texts are trimmed; an empty optional text (`title`) is left out rather than sent as "".
 * `email` is private: it never appears in a public read. `consent` must be literally
 * `true`, and `consentVersion` records which consent text was shown.
 *
 * Two fields are for spam checks and never stored as content: `honeypot`, a field the
 * form hides from people (and from assistive technology), so anything in it was typed by
 * a bot; and `fillMs`, how long the form took to fill. Neither is rejected here: the
 * server judges them, so that a bot is not told by a 400 which field gave it away.
 */
export const testimonialInputSchema = z.strictObject({
  id: z.optional(eventIdSchema),
  rating: starRatingSchema,
  body: testimonialBodySchema,
  title: z.optional(testimonialTitleSchema),
  authorName: authorNameSchema,
  email: z.optional(z.email('must be an email address').check(z.maxLength(254))),
  product: z.optional(productIdSchema),
  /** The order the testimonial is about: a match with the same customer's conversion makes it a verified buyer's. */
  orderId: z.optional(orderIdSchema),
  photoUrl: z.optional(httpsUrlSchema),
  consent: z.literal(true, 'must be true: the author agrees to publish'),
  consentVersion: z.optional(consentVersionSchema),
  site: z.optional(publicKeySchema),
  visitor: z.optional(visitorIdSchema),
  customer: z.optional(customerIdSchema),
  /**
   * The identified customer's `hash` (see `identify`): only a verified customer id counts
   * towards "verified buyer"; without it, the order must match the author's e-mail.
   */
  customerHash: z.optional(identityHashSchema()),
  /** When it was submitted, on the client's clock (the form sends it; the outbox may send it later). */
  at: z.optional(isoTimeSchema),
  /** The page it was written on. */
  url: z.optional(httpUrlSchema),
  /** The hidden field: absent or empty from a person. */
  honeypot: z.optional(
    z.string().check(z.maxLength(MAX_HONEYPOT, `must be at most ${MAX_HONEYPOT} characters`)),
  ),
  /** Milliseconds from the form's first display to its submission. */
  fillMs: z.optional(z.int({ error: FILL_MESSAGE }).check(z.minimum(0, FILL_MESSAGE))),
});
export type TestimonialInput = z.infer<typeof testimonialInputSchema>;

/**
 * One approved testimonial as `GET /v1/sites/:site/testimonials` returns it. Never the
 * author's e-mail, order id, visitor or customer. Optional fields are left out when empty.
 */
export const publicTestimonialSchema = z.object({
  id: z.string(),
  rating: starRatingSchema,
  body: z.string(),
  title: z.optional(z.string()),
  authorName: z.string(),
  createdAt: isoTimeSchema,
  product: z.optional(z.string()),
  /** The order id matched a conversion of the same customer. */
  verifiedBuyer: z.boolean(),
  /** The author received a reward tied to it: shown with a disclosure. */
  incentivized: z.boolean(),
  /** The merchant's public answer. */
  reply: z.optional(z.object({ body: z.string(), createdAt: isoTimeSchema })),
  photoUrl: z.optional(httpsUrlSchema),
});
export type PublicTestimonial = z.infer<typeof publicTestimonialSchema>;

/** A page of approved testimonials; `nextCursor` fetches the next page, null at the end. */
export const testimonialPageSchema = z.object({
  items: z.array(publicTestimonialSchema),
  nextCursor: z.nullable(z.string()),
});
export type TestimonialPage = z.infer<typeof testimonialPageSchema>;

const countSchema = z.int().check(z.minimum(0));

/** How many ratings gave each number of stars, keyed `"1"` to `"5"`. */
export const ratingHistogramSchema = z.object({
  1: countSchema,
  2: countSchema,
  3: countSchema,
  4: countSchema,
  5: countSchema,
});
export type RatingHistogram = z.infer<typeof ratingHistogramSchema>;

/**
 * `GET /v1/sites/:site/rating`: the aggregate of every approved testimonial, whatever
 * its rating, for `product` or (without it) the whole site. `average` is rounded to one
 * decimal and null when `count` is 0: with no ratings there is no average.
 */
export const ratingSummarySchema = z.object({
  product: z.optional(z.string()),
  average: z.nullable(z.number().check(z.minimum(1), z.maximum(5))),
  count: countSchema,
  histogram: ratingHistogramSchema,
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;
