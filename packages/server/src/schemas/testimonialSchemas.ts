import {
  consentVersionSchema,
  customerIdSchema,
  eventIdSchema,
  isoTimeSchema,
  MAX_ADMIN_PAGE,
  orderIdSchema,
  productIdSchema,
  starRatingSchema,
  visitorIdSchema,
} from '@vouch/core/schemas';
import * as z from 'zod/mini';

/** A testimonial's moderation status. Only `approved` ones are ever shown. */
export const testimonialStatusSchema = z.enum(['pending', 'approved', 'rejected', 'hidden']);
export type TestimonialStatus = z.infer<typeof testimonialStatusSchema>;

/** Why a testimonial was flagged (or, for `honeypot`, rejected) by the spam checks. */
export const spamReasonSchema = z.enum(['honeypot', 'too_fast', 'too_many_links', 'duplicate']);

/** Most testimonials one public page answers. */
export const MAX_PUBLIC_PAGE = 50;
/** Public page size when the query sets no `limit`. */
export const DEFAULT_PUBLIC_PAGE = 10;

const cursorSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a cursor from a previous page'));

/** Refuses `minRating`, which a page might expect from other review services. */
const NO_RATING_FILTER =
  'is not supported: vouch never filters reviews by rating (no review gating); every approved review is shown';
const noRatingFilter = z.optional(z.string().check(z.refine(() => false, NO_RATING_FILTER)));

/** Answer to `POST /v1/testimonials`. */
export const testimonialReceiptSchema = z.object({
  id: eventIdSchema,
  /** Always `pending`: a new testimonial waits for the merchant. */
  status: z.literal('pending'),
  /** False when the same id was stored before. */
  stored: z.boolean(),
  /**
   * The secret that withdraws the author's consent (`POST /v1/testimonials/:id/withdraw`),
   * in the first answer only: the server keeps its hash and cannot show it again.
   */
  withdrawToken: z.optional(z.string()),
  /**
   * The author's link to withdraw it (a page with one button, on this server), with the
   * same token: in the first answer only, to show or send to the author.
   */
  withdrawUrl: z.optional(z.string()),
});

/** A withdrawal token, as the first answer to a testimonial gives it. */
const withdrawTokenSchema = z
  .string()
  .check(z.regex(/^wd_[A-Za-z0-9]{32}$/, 'must be the withdrawToken given'));

/** Body of `POST /v1/testimonials/:id/withdraw`. */
export const withdrawRequestSchema = z.strictObject({
  site: z.optional(z.string()),
  token: withdrawTokenSchema,
});

/** Query of the author's withdrawal link, `/v1/testimonials/:id/withdrawal`. */
export const withdrawalLinkQuerySchema = z.object({
  site: z.string(),
  token: withdrawTokenSchema,
});

/** Answer to a withdrawal: the testimonial is deleted. */
export const withdrawResultSchema = z.object({ id: z.string(), withdrawn: z.literal(true) });

/** Query of `GET /v1/sites/:site/testimonials`. */
export const publicTestimonialsQuerySchema = z.object({
  product: z.optional(productIdSchema),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PUBLIC_PAGE))),
  cursor: z.optional(cursorSchema),
  /** `newest` first, or `highest` rating first (newest first among equals). */
  sort: z._default(z.enum(['newest', 'highest']), 'newest'),
  minRating: noRatingFilter,
  site: z.optional(z.string()),
});
export type PublicTestimonialsQuery = z.output<typeof publicTestimonialsQuerySchema>;

/** Query of `GET /v1/sites/:site/rating`. */
export const ratingQuerySchema = z.object({
  product: z.optional(productIdSchema),
  minRating: noRatingFilter,
  site: z.optional(z.string()),
});

/** Query of `GET /v1/admin/testimonials`. Nothing here filters by rating. */
export const adminTestimonialsQuerySchema = z.strictObject({
  status: z.optional(testimonialStatusSchema),
  product: z.optional(productIdSchema),
  /** `true`: only those the spam checks flagged; `false`: only the others. */
  flagged: z.optional(z.enum(['true', 'false'])),
  verifiedBuyer: z.optional(z.enum(['true', 'false'])),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ADMIN_PAGE))),
  cursor: z.optional(cursorSchema),
});
export type AdminTestimonialsQuery = z.output<typeof adminTestimonialsQuerySchema>;

/** The path of the admin testimonial routes. */
export const testimonialIdParamSchema = z.object({ id: eventIdSchema });

/** Body of `POST /v1/admin/testimonials/:id/reject`: why, for the merchant's records. */
export const rejectRequestSchema = z.strictObject({
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must be 1–500 characters'),
      z.maxLength(500, 'must be 1–500 characters'),
    ),
});

/** Body of `PUT /v1/admin/testimonials/:id/reply`: the merchant's public answer. */
export const replyRequestSchema = z.strictObject({
  body: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must be 1–2000 characters'),
      z.maxLength(2000, 'must be 1–2000 characters'),
    ),
});

/** A testimonial as the admin API shows it: everything, the private fields included. */
export const testimonialRecordSchema = z.object({
  id: z.string(),
  status: testimonialStatusSchema,
  rating: starRatingSchema,
  title: z.nullable(z.string()),
  body: z.string(),
  authorName: z.string(),
  email: z.nullable(z.string()),
  product: z.nullable(z.string()),
  orderId: z.nullable(orderIdSchema),
  photoUrl: z.nullable(z.string()),
  consentVersion: z.nullable(consentVersionSchema),
  consentedAt: isoTimeSchema,
  customer: z.nullable(customerIdSchema),
  visitor: z.nullable(visitorIdSchema),
  url: z.nullable(z.string()),
  verifiedBuyer: z.boolean(),
  incentivized: z.boolean(),
  spamReasons: z.array(spamReasonSchema),
  rejectReason: z.nullable(z.string()),
  reply: z.nullable(z.object({ body: z.string(), createdAt: isoTimeSchema })),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
});
export type TestimonialRecord = z.infer<typeof testimonialRecordSchema>;
