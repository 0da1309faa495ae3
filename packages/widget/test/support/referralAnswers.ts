import type { ReferralLanding, RewardView } from '@vouch/core';
import { siteConfig } from './startApiServer.js';

/** The public program of a site: 10% off for friends, €5.00 store credit per friend. */
export const program = {
  friendOffer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
  referrerReward: {
    value: { kind: 'credit', amount: 5, currency: 'EUR' },
    description: '€5.00 store credit',
  },
  minOrderAmount: 20,
  currency: 'EUR',
  holdDays: 14,
} as const;

/** A site config with the referral program on. */
export const configWithProgram = (site: string, overrides: Record<string, unknown> = {}) =>
  siteConfig(site, { name: 'Lather & Leaf', referral: program, ...overrides });

/** A reward of the referral answer. */
export function reward(id: string, fields: Partial<RewardView> = {}): RewardView {
  return {
    id,
    offer: { value: program.referrerReward.value, description: '€5.00 store credit' },
    status: 'pending',
    reason: 'friend',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...fields,
  };
}

/** An answer of `POST /v1/referrals`, for Ada's code `ADA7KQ2M`. */
export function referralAnswer(fields: Record<string, unknown> = {}) {
  return {
    code: 'ADA7KQ2M',
    link: 'https://shop.example/products/soap?ref=ADA7KQ2M',
    friends: 0,
    rewards: [],
    verified: true,
    friendOffer: program.friendOffer,
    referrerReward: program.referrerReward,
    ...fields,
  };
}

/** An answer of `GET /v1/referrals/:code` for Ada's code. */
export function landingAnswer(fields: Partial<ReferralLanding> = {}): ReferralLanding {
  return {
    code: 'ADA7KQ2M',
    referrerName: 'Ada',
    offer: program.friendOffer,
    coupon: 'WELCOME10',
    claimable: false,
    ...fields,
  };
}
