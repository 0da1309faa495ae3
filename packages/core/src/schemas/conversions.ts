import * as z from 'zod/mini';
import { identitySchema } from './identity.js';
import { amountSchema, currencySchema } from './money.js';
import { referralCodeSchema, visitorIdSchema } from './primitives.js';
import { couponCodeSchema } from './referrals.js';

/** The merchant's order id: what makes a conversion idempotent. */
export const orderIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[^\s]+$/, 'must not contain spaces'));

/** What `vouch('conversion', …)` and `client.conversion(…)` take. */
export const conversionInputSchema = z.strictObject({
  orderId: orderIdSchema,
  /** The order total the shopper paid, in major units of `currency` (42.5 is 42.50). */
  amount: amountSchema,
  currency: currencySchema,
  /** The buyer's e-mail, for fraud rules (self-referral) and for the buyer's own link. */
  email: z.optional(z.email('must be an email address').check(z.maxLength(254))),
  /** A coupon used at checkout: a friend's coupon credits its referrer, across devices. */
  coupon: z.optional(couponCodeSchema),
});
export type ConversionInput = z.infer<typeof conversionInputSchema>;

/**
 * Body of `POST /v1/conversions`. From the browser it carries the kept referral (`ref`),
 * the visitor and the identified customer; it is unverified unless the request has the
 * site's secret key (server to server), or `customer.hash` verifies the customer.
 */
export const conversionRequestSchema = z.strictObject({
  ...conversionInputSchema.shape,
  site: z.optional(z.string()),
  ref: z.optional(referralCodeSchema),
  visitor: z.optional(visitorIdSchema),
  customer: z.optional(identitySchema),
  /** The domain of the page that sent the friend to the shop, for blocked-referrer rules. */
  referrerDomain: z.optional(z.string().check(z.maxLength(253))),
});
export type ConversionRequest = z.infer<typeof conversionRequestSchema>;

/** Why a conversion was flagged; each explains itself in the admin API. */
export const fraudReasonSchema = z.enum([
  'self_referral_customer',
  'self_referral_email',
  'self_referral_browser',
  'existing_customer',
  'blocked_referrer_domain',
  'code_velocity',
  'disposable_email',
]);
export type FraudReason = z.infer<typeof fraudReasonSchema>;

/** Answer to `POST /v1/conversions`; the same order again gets the same answer. */
export const conversionResultSchema = z.object({
  orderId: orderIdSchema,
  /** `none`: not referred; `attributed`: credited to `ref`; `review`: flagged, unpaid. */
  status: z.enum(['none', 'attributed', 'review', 'refunded']),
  ref: z.nullable(referralCodeSchema),
  /** Reason codes of a flagged conversion are not told to browsers: see the admin API. */
  verified: z.boolean(),
});
export type ConversionResult = z.infer<typeof conversionResultSchema>;
