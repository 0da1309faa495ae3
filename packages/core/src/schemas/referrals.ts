import * as z from 'zod/mini';
import { identitySchema } from './identity.js';
import { amountSchema, currencySchema } from './money.js';
import { httpUrlSchema, isoTimeSchema, referralCodeSchema, visitorIdSchema } from './primitives.js';

/**
 * What a reward is worth. `percent` and `amount` are discounts (given as a coupon);
 * `credit` is store credit the merchant books by hand (recorded, shown, never a coupon).
 */
export const rewardValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('percent'),
    percent: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  }),
  z.strictObject({ kind: z.literal('amount'), amount: amountSchema, currency: currencySchema }),
  z.strictObject({ kind: z.literal('credit'), amount: amountSchema, currency: currencySchema }),
]);
export type RewardValue = z.infer<typeof rewardValueSchema>;

/** A name of a coupon pool: lowercase letters, digits, `-` and `_`. */
export const couponPoolSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lowercase letters, digits, - or _'));

/** A coupon code as a shop's checkout takes it. */
export const couponCodeSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, 'must be 3–64 letters, digits, - or _'));

/** Where a reward's coupon comes from: the next unused code of a pool, or one fixed code. */
export const couponSourceSchema = z.union([
  z.strictObject({ pool: couponPoolSchema }),
  z.strictObject({ code: couponCodeSchema }),
]);
export type CouponSource = z.infer<typeof couponSourceSchema>;

/** A reward as the merchant configures it: its value and, unless store credit, its coupon. */
export const rewardRuleSchema = z.strictObject({
  value: rewardValueSchema,
  coupon: z.optional(couponSourceSchema),
});
export type RewardRule = z.infer<typeof rewardRuleSchema>;

/** Fraud rules of a referral program. Each flagged conversion goes to review, unpaid. */
export const fraudRulesSchema = z.strictObject({
  /** Referring sites whose visitors are not credited (coupon and deal sites). */
  blockedReferrerDomains: z.array(z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/))),
  /** More conversions than this for one code within an hour go to review. */
  maxConversionsPerCodePerHour: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
  /** Extra disposable e-mail domains, beside the built-in list. */
  disposableEmailDomains: z.array(z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/))),
});
export type FraudRules = z.infer<typeof fraudRulesSchema>;

/** A referral program as the merchant sets it (`PUT /v1/admin/referral-program`). */
export const referralProgramSchema = z.strictObject({
  enabled: z.boolean(),
  /** What a referred friend gets on their first order. */
  friendOffer: rewardRuleSchema,
  /** What the referrer gets for each friend's qualifying order. */
  referrerReward: rewardRuleSchema,
  /** Orders below this (in `currency`) earn no reward. */
  minOrderAmount: amountSchema,
  currency: currencySchema,
  /** Days a referrer's reward waits before approval, so returns can void it. */
  holdDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
  /** Extra rewards for every Nth friend (every 5th: a bonus). */
  milestones: z.array(
    z.strictObject({
      every: z.number().check(z.int(), z.minimum(2), z.maximum(1000)),
      reward: rewardRuleSchema,
    }),
  ),
  /** The page a referral link opens. @default the site's first origin */
  landingUrl: z.optional(httpUrlSchema),
  fraud: fraudRulesSchema,
});
export type ReferralProgram = z.infer<typeof referralProgramSchema>;

/** A reward in plain words, as shoppers see it: "10% off your first order". */
export const offerSchema = z.object({
  value: rewardValueSchema,
  /** Plain words in the site's locale, from `describeReward`. */
  description: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

/** The public face of a referral program, in `GET /v1/sites/:site/config`. */
export const publicReferralProgramSchema = z.object({
  friendOffer: offerSchema,
  referrerReward: offerSchema,
  minOrderAmount: amountSchema,
  currency: currencySchema,
  holdDays: z.number().check(z.int(), z.nonnegative()),
});
export type PublicReferralProgram = z.infer<typeof publicReferralProgramSchema>;

/** Body of `POST /v1/referrals`: the identified customer asks for their code and link. */
export const referralRequestSchema = z.strictObject({
  site: z.optional(z.string()),
  customer: identitySchema,
  visitor: z.optional(visitorIdSchema),
});
export type ReferralRequest = z.infer<typeof referralRequestSchema>;

/** A reward as its owner sees it. `coupon` only to a verified identity, once approved. */
export const rewardViewSchema = z.object({
  id: z.string(),
  offer: offerSchema,
  status: z.enum(['pending', 'review', 'approved', 'voided']),
  /**
   * Why: `friend` (a friend's order), `milestone` (every Nth friend), `offer` (friend's
   * own), `share` (the share program: a friend's visit, or the share itself).
   */
  reason: z.enum(['friend', 'milestone', 'offer', 'share']),
  coupon: z.optional(couponCodeSchema),
  /** When a pending reward is due for approval. */
  approvesAt: z.optional(isoTimeSchema),
  createdAt: isoTimeSchema,
});
export type RewardView = z.infer<typeof rewardViewSchema>;

/** Answer to `POST /v1/referrals`: the code (created once, then stable) and its progress. */
export const referralSchema = z.object({
  code: referralCodeSchema,
  link: httpUrlSchema,
  /** Friends whose orders were credited to this code. */
  friends: z.number().check(z.int(), z.nonnegative()),
  rewards: z.array(rewardViewSchema),
  /** Whether the identity was verified by its `hash` (coupons are shown only then). */
  verified: z.boolean(),
  /** What a friend gets, and what the referrer gets per friend, in plain words. */
  friendOffer: offerSchema,
  referrerReward: offerSchema,
});
export type Referral = z.infer<typeof referralSchema>;

/** Answer to `GET /v1/referrals/:code`: what a landing page may show. 404 if unknown. */
export const referralLandingSchema = z.object({
  code: referralCodeSchema,
  /** The referrer's first name only, or null when they gave none. */
  referrerName: z.nullable(z.string()),
  offer: offerSchema,
  /** The friend's coupon when it is one fixed code; a pool coupon is claimed per visitor. */
  coupon: z.nullable(couponCodeSchema),
  /** Whether the friend's coupon comes from a pool (`POST /v1/referrals/:code/coupon`). */
  claimable: z.boolean(),
});
export type ReferralLanding = z.infer<typeof referralLandingSchema>;

/** Body of `POST /v1/referrals/:code/coupon`: a visitor claims the friend's coupon. */
export const couponClaimSchema = z.strictObject({
  site: z.optional(z.string()),
  visitor: visitorIdSchema,
});

/** Answer to a coupon claim: the same coupon for the same visitor and code, every time. */
export const couponClaimResultSchema = z.object({ coupon: couponCodeSchema });

/** A referral code, in a path. */
export const referralCodeParamSchema = z.object({ code: referralCodeSchema });
