import type { ReferralProgram } from '@vouch/core/schemas';

/** A complete, valid referral program to start tests from; override what a test is about. */
export function referralProgramFixture(overrides: Partial<ReferralProgram> = {}): ReferralProgram {
  return {
    enabled: true,
    friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { code: 'FRIEND10' } },
    referrerReward: {
      value: { kind: 'amount', amount: 5, currency: 'EUR' },
      coupon: { pool: 'referrer' },
    },
    minOrderAmount: 20,
    currency: 'EUR',
    holdDays: 14,
    milestones: [],
    fraud: {
      blockedReferrerDomains: [],
      maxConversionsPerCodePerHour: 10,
      disposableEmailDomains: [],
    },
    ...overrides,
  };
}
