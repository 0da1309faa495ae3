import { couponPoolSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';

const count = z.number().check(z.int(), z.nonnegative());

/** How a coupon pool stands. */
export const couponPoolSummarySchema = z.object({
  pool: couponPoolSchema,
  /** Codes uploaded. */
  total: count,
  /** Codes handed out. */
  issued: count,
  /** Codes still free. */
  left: count,
});
export type CouponPoolSummary = z.infer<typeof couponPoolSummarySchema>;

/** `GET /v1/admin/coupons`: every pool of the site, by name. */
export const couponPoolsSchema = z.object({ pools: z.array(couponPoolSummarySchema) });

/** A line of a coupon file that was not imported, and why. */
export const couponProblemSchema = z.object({
  /** 1-based, as an editor shows it. */
  line: z.number().check(z.int(), z.positive()),
  /** What the line held in the code column; null when nothing. */
  code: z.nullable(z.string()),
  problem: z.enum(['invalid', 'duplicate']),
  message: z.string(),
});
export type CouponProblem = z.infer<typeof couponProblemSchema>;

/** `POST /v1/admin/coupons/:pool`: what the import did, and the pool as it stands after. */
export const couponImportSchema = z.object({
  ...couponPoolSummarySchema.shape,
  /** Codes added now. */
  imported: count,
  /** Lines refused as not a coupon code. */
  invalid: count,
  /** Lines whose code the file had already, or the site has in any pool. */
  duplicates: count,
  /** The refused lines in line order, the first 1000 (the counts cover them all). */
  problems: z.array(couponProblemSchema),
});
export type CouponImport = z.infer<typeof couponImportSchema>;
