import * as z from 'zod/mini';
import { fraudReasonSchema, orderIdSchema } from './conversions.js';
import { amountSchema, currencySchema } from './money.js';
import {
  customerIdSchema,
  isoTimeSchema,
  referralCodeSchema,
  visitorIdSchema,
} from './primitives.js';
import { couponCodeSchema, rewardValueSchema } from './referrals.js';

/** Most items one admin list answers. */
export const MAX_ADMIN_PAGE = 200;

/** `limit` and `cursor` of every admin list; `limit` defaults to 50. */
const page = {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ADMIN_PAGE))),
  /** The `next` of the previous page, as it was. */
  cursor: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a cursor from `next`')),
  ),
};

/** A conversion's state: `none` (not referred), `attributed`, `review` (flagged), `refunded`. */
export const conversionStatusSchema = z.enum(['none', 'attributed', 'review', 'refunded']);
export type ConversionStatus = z.infer<typeof conversionStatusSchema>;

/** A reward's state. Approved and voided are final. */
export const rewardStatusSchema = z.enum(['pending', 'review', 'approved', 'voided']);
export type RewardStatus = z.infer<typeof rewardStatusSchema>;

/** Why a reward exists. */
export const rewardReasonSchema = z.enum(['friend', 'milestone', 'offer']);

/** A customer as admin answers show them: the merchant's id and what they told us. */
export const adminCustomerSchema = z.object({
  id: customerIdSchema,
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
});
export type AdminCustomer = z.infer<typeof adminCustomerSchema>;

/** Query of `GET /v1/admin/referrals`. */
export const referralListQuerySchema = z.strictObject({
  ...page,
  /** Only this customer's code (the merchant's id). */
  customer: z.optional(customerIdSchema),
});

/** One referral code in `GET /v1/admin/referrals`. */
export const referralRecordSchema = z.object({
  code: referralCodeSchema,
  customer: adminCustomerSchema,
  /** Friends credited to the code (their referrer reward is not voided). */
  friends: z.number().check(z.int(), z.nonnegative()),
  /** Conversions attributed to the code, flagged and refunded ones included. */
  conversions: z.number().check(z.int(), z.nonnegative()),
  createdAt: isoTimeSchema,
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

/** Query of `GET /v1/admin/conversions`. */
export const conversionListQuerySchema = z.strictObject({
  ...page,
  status: z.optional(conversionStatusSchema),
  /** Only conversions attributed (or flagged) to this code. */
  code: z.optional(referralCodeSchema),
  /** Only this buyer's (the merchant's customer id). */
  customer: z.optional(customerIdSchema),
  verified: z.optional(z.enum(['true', 'false'])),
  /** Recorded at or after this time. */
  since: z.optional(isoTimeSchema),
  /** Recorded before this time. */
  until: z.optional(isoTimeSchema),
});

/** One conversion in the admin API, with the reasons it was flagged. */
export const conversionRecordSchema = z.object({
  orderId: orderIdSchema,
  amount: amountSchema,
  currency: currencySchema,
  status: conversionStatusSchema,
  verified: z.boolean(),
  ref: z.nullable(referralCodeSchema),
  coupon: z.nullable(z.string()),
  /** The buyer, when identified. */
  customer: z.nullable(customerIdSchema),
  email: z.nullable(z.string()),
  visitor: z.nullable(visitorIdSchema),
  referrerDomain: z.nullable(z.string()),
  reasons: z.array(fraudReasonSchema),
  createdAt: isoTimeSchema,
  refundedAt: z.nullable(isoTimeSchema),
});
export type ConversionRecord = z.infer<typeof conversionRecordSchema>;

/** Query of `GET /v1/admin/rewards`. */
export const rewardListQuerySchema = z.strictObject({
  ...page,
  status: z.optional(rewardStatusSchema),
  reason: z.optional(rewardReasonSchema),
  /** Only rewards for this customer (the merchant's id). */
  customer: z.optional(customerIdSchema),
  code: z.optional(referralCodeSchema),
  order: z.optional(orderIdSchema),
});

/** One reward in the admin API. */
export const rewardRecordSchema = z.object({
  id: z.string(),
  orderId: orderIdSchema,
  /** The referral code the order was attributed to. */
  code: referralCodeSchema,
  reason: rewardReasonSchema,
  /** Unique per order: `offer`, `friend`, `milestone:N`. */
  kind: z.string(),
  /** Who gets it: an identified customer (the merchant's id), else the friend's browser. */
  customer: z.nullable(customerIdSchema),
  visitor: z.nullable(visitorIdSchema),
  value: rewardValueSchema,
  /** The value in plain words, in the site's locale. */
  description: z.string(),
  coupon: z.nullable(couponCodeSchema),
  status: rewardStatusSchema,
  /** When a pending reward is due (approved then by itself if its order is verified). */
  approvesAt: z.nullable(isoTimeSchema),
  decidedAt: z.nullable(isoTimeSchema),
  /** Whether the order was recorded or confirmed with the secret key. */
  verified: z.boolean(),
  createdAt: isoTimeSchema,
});
export type RewardRecord = z.infer<typeof rewardRecordSchema>;

/** Query of `GET /v1/admin/advocates`. */
export const advocateListQuerySchema = z.strictObject({
  limit: page.limit,
});

/** A top advocate: most credited friends first, then most approved rewards. */
export const advocateSchema = z.object({
  customer: adminCustomerSchema,
  code: referralCodeSchema,
  friends: z.number().check(z.int(), z.nonnegative()),
  approvedRewards: z.number().check(z.int(), z.nonnegative()),
  pendingRewards: z.number().check(z.int(), z.nonnegative()),
});
export type Advocate = z.infer<typeof advocateSchema>;

/** Answer to `POST /v1/admin/orders/:orderId/refund`. */
export const refundResultSchema = z.object({
  orderId: orderIdSchema,
  status: z.literal('refunded'),
  refundedAt: isoTimeSchema,
  /** Rewards of the order voided now (they were pending or in review). */
  voided: z.array(z.string()),
  /** Rewards already approved, which stay: revoke their coupon in the shop if needed. */
  kept: z.array(z.string()),
});
export type RefundResult = z.infer<typeof refundResultSchema>;

/** A page of an admin list: `next` is the cursor of the following page, null at the end. */
export function adminPageSchema<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.nullable(z.string()) });
}

/** The path of the admin order routes. */
export const orderIdParamSchema = z.object({ orderId: orderIdSchema });

/** The path of the admin reward routes. */
export const rewardIdParamSchema = z.object({
  id: z.string().check(z.regex(/^rwd_[A-Za-z0-9]{8,40}$/, 'must be a reward id (rwd_…)')),
});
