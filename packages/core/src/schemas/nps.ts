import * as z from 'zod/mini';
import {
  customerIdSchema,
  eventIdSchema,
  httpUrlSchema,
  isoTimeSchema,
  publicKeySchema,
  visitorIdSchema,
} from './primitives.js';

/** Longest comment an NPS answer may carry, counted after trimming. */
export const MAX_NPS_COMMENT = 2000;

/** An answer to "How likely are you to recommend …?": an integer from 0 to 10. */
const SCORE_MESSAGE = 'must be an integer from 0 to 10';
export const npsScoreSchema = z
  .int({ error: SCORE_MESSAGE })
  .check(z.minimum(0, SCORE_MESSAGE), z.maximum(10, SCORE_MESSAGE));

/** Where an answer falls: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export const npsCategorySchema = z.enum(['detractor', 'passive', 'promoter']);

/** The answer to the follow-up question: trimmed, at most {@link MAX_NPS_COMMENT} characters. */
export const npsCommentSchema = z
  .string()
  .check(z.trim(), z.maxLength(MAX_NPS_COMMENT, `must be at most ${MAX_NPS_COMMENT} characters`));

/**
 * Body of `POST /v1/nps`, idempotent by `id` (the prompt's id, as the `nps_shown` event
 * carried it). `contact` is a detractor's consent to be contacted about the answer; it is
 * stored with it, and `email` is accepted only together with `contact: true`.
 */
export const npsRequestSchema = z
  .strictObject({
    id: eventIdSchema,
    score: npsScoreSchema,
    comment: z.optional(npsCommentSchema),
    customer: z.optional(customerIdSchema),
    site: z.optional(publicKeySchema),
    visitor: z.optional(visitorIdSchema),
    /** When it was answered, on the client's clock. */
    at: isoTimeSchema,
    /** The page it was answered on. */
    url: z.optional(httpUrlSchema),
    contact: z.optional(z.boolean()),
    email: z.optional(z.email('must be an email address').check(z.maxLength(254))),
  })
  .check(
    z.refine((value) => value.email === undefined || value.contact === true, {
      message: 'is accepted only together with "contact": true',
      path: ['email'],
    }),
  );
export type NpsRequest = z.infer<typeof npsRequestSchema>;

/** Answer to `POST /v1/nps`; `stored` is false when the same `id` was stored before. */
export const npsResultSchema = z.object({
  id: eventIdSchema,
  category: npsCategorySchema,
  stored: z.boolean(),
});
export type NpsResult = z.infer<typeof npsResultSchema>;
