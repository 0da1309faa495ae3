import { FRIEND_COUPONS } from './couponFile.js';

/**
 * The demo site's referral program, as a merchant would set it with
 * `vouch-server referral-program set`: a friend gets 10% off their first order with a
 * single-use code from the shop's own pool; the referrer gets £5 of store credit for
 * each friend's order of £10 or more, held for 7 days so that a return can void it, and
 * £10 more for every third friend. Coupon and deal sites earn nobody a reward.
 * @param {string} landingUrl The page referral links open (the shop's home page).
 * @returns the program, valid for `referralProgramSchema` of `@vouch/core`
 */
export function demoReferralProgram(landingUrl) {
  return {
    enabled: true,
    friendOffer: {
      value: { kind: 'percent', percent: FRIEND_COUPONS.percentOff },
      coupon: { pool: FRIEND_COUPONS.pool },
    },
    referrerReward: { value: { kind: 'credit', amount: 5, currency: 'GBP' } },
    minOrderAmount: 10,
    currency: 'GBP',
    holdDays: 7,
    milestones: [{ every: 3, reward: { value: { kind: 'credit', amount: 10, currency: 'GBP' } } }],
    landingUrl,
    fraud: {
      blockedReferrerDomains: [
        'retailmenot.com',
        'vouchercodes.co.uk',
        'myvouchercodes.co.uk',
        'hotukdeals.com',
        'slickdeals.net',
      ],
      maxConversionsPerCodePerHour: 10,
      disposableEmailDomains: [],
    },
  };
}
