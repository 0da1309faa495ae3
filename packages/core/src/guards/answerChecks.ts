import type { ConversionResult } from '../schemas/conversions.js';
import type { ErrorBody } from '../schemas/errors.js';
import type { EventBatchResult } from '../schemas/events.js';
import type { Referral, ReferralLanding, RewardView } from '../schemas/referrals.js';
import { arrayOf, nullable, object, oneOf, optional } from './check.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import { couponCodeCheck, orderIdCheck } from './orderChecks.js';
import { offerCheck } from './programChecks.js';
import { anyText, booleanCheck, count, httpUrlCheck, referralCodeCheck } from './wireChecks.js';

// Lean twins of the schemas of the server's answers. Kept apart from ./wireChecks.ts
// because only code loaded on first use reads answers: a bundle splits by module, so
// here they stay out of what a page downloads before a widget paints.

/** Twin of `eventBatchResultSchema`. */
export const eventBatchResultCheck = object<EventBatchResult>(
  { received: count, stored: count },
  false,
);

/** Twin of `errorBodySchema`. */
export const errorBodyCheck = object<ErrorBody>(
  {
    error: object<ErrorBody['error']>(
      {
        code: anyText,
        message: anyText,
        issues: optional(arrayOf(object({ path: anyText, message: anyText }, false))),
      },
      false,
    ),
  },
  false,
);

/** Twin of `rewardViewSchema`. */
export const rewardViewCheck = object<RewardView>(
  {
    id: anyText,
    offer: offerCheck,
    status: oneOf(['pending', 'review', 'approved', 'voided'], 'unknown reward status'),
    reason: oneOf(['friend', 'milestone', 'offer', 'share'], 'unknown reward reason'),
    coupon: optional(couponCodeCheck),
    approvesAt: optional(isoTimeCheck),
    createdAt: isoTimeCheck,
  },
  false,
);

/** Twin of `referralSchema`: the answer to `POST /v1/referrals`. */
export const referralCheck = object<Referral>(
  {
    code: referralCodeCheck,
    link: httpUrlCheck,
    friends: count,
    rewards: arrayOf(rewardViewCheck),
    verified: booleanCheck,
    friendOffer: offerCheck,
    referrerReward: offerCheck,
  },
  false,
);

/** Twin of `referralLandingSchema`: the answer to `GET /v1/referrals/:code`. */
export const referralLandingCheck = object<ReferralLanding>(
  {
    code: referralCodeCheck,
    referrerName: nullable(anyText),
    offer: offerCheck,
    coupon: nullable(couponCodeCheck),
    claimable: booleanCheck,
  },
  false,
);

/** Twin of `couponClaimResultSchema`. */
export const couponClaimResultCheck = object<{ coupon: string }>(
  { coupon: couponCodeCheck },
  false,
);

/** Twin of `conversionResultSchema`: the answer to `POST /v1/conversions`. */
export const conversionResultCheck = object<ConversionResult>(
  {
    orderId: orderIdCheck,
    status: oneOf(['none', 'attributed', 'review', 'refunded'], 'unknown conversion status'),
    ref: nullable(referralCodeCheck),
    verified: booleanCheck,
  },
  false,
);
