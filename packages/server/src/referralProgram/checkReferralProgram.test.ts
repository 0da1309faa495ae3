import { describe, expect, it } from 'vitest';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { checkReferralProgram } from './checkReferralProgram.js';

const stocked = { pool: 'referrer', total: 10, issued: 2, left: 8 };
const context = { pools: [stocked], origins: ['https://shop.example'] };

describe('checkReferralProgram', () => {
  it('finds nothing wrong with a complete program', () => {
    expect(checkReferralProgram(referralProgramFixture(), context)).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('wants a coupon for a discount and none for store credit', () => {
    const program = referralProgramFixture({
      friendOffer: { value: { kind: 'percent', percent: 10 } },
      referrerReward: {
        value: { kind: 'credit', amount: 5, currency: 'EUR' },
        coupon: { code: 'CREDIT5' },
      },
      milestones: [
        { every: 5, reward: { value: { kind: 'amount', amount: 20, currency: 'EUR' } } },
      ],
    });
    expect(checkReferralProgram(program, context).errors).toEqual([
      {
        path: 'friendOffer.coupon',
        message: 'is required for a discount: { "pool": NAME } or { "code": CODE }',
      },
      {
        path: 'referrerReward.coupon',
        message: 'must be left out for store credit, which the merchant books by hand',
      },
      {
        path: 'milestones.0.reward.coupon',
        message: 'is required for a discount: { "pool": NAME } or { "code": CODE }',
      },
    ]);
    const credit = referralProgramFixture({
      referrerReward: { value: { kind: 'credit', amount: 5, currency: 'EUR' } },
    });
    expect(checkReferralProgram(credit, context).errors).toEqual([]);
  });

  it("refuses amounts finer than their currency's minor unit and repeated milestones", () => {
    const program = referralProgramFixture({
      currency: 'JPY',
      minOrderAmount: 1000.5,
      referrerReward: {
        value: { kind: 'amount', amount: 5.555, currency: 'EUR' },
        coupon: { pool: 'referrer' },
      },
      milestones: [
        { every: 3, reward: { value: { kind: 'percent', percent: 20 }, coupon: { code: 'M3A' } } },
        { every: 3, reward: { value: { kind: 'percent', percent: 25 }, coupon: { code: 'M3B' } } },
      ],
    });
    const { errors, warnings } = checkReferralProgram(program, context);
    expect(errors).toEqual([
      { path: 'referrerReward.value.amount', message: 'must have at most 2 decimals in EUR' },
      { path: 'minOrderAmount', message: 'must have at most 0 decimals in JPY' },
      { path: 'milestones.1.every', message: 'repeats milestones.0.every (3)' },
    ]);
    expect(warnings).toEqual([
      {
        path: 'referrerReward.value.currency',
        message: 'is EUR while the program counts in JPY',
      },
    ]);
  });

  it('warns of a pool with no coupons yet or none left, and of a landing page elsewhere', () => {
    const program = referralProgramFixture({
      friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'friends' } },
      landingUrl: 'https://elsewhere.example/welcome',
    });
    const { errors, warnings } = checkReferralProgram(program, {
      pools: [{ pool: 'referrer', total: 3, issued: 3, left: 0 }],
      origins: ['https://shop.example'],
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        path: 'friendOffer.coupon.pool',
        message: 'pool "friends" has no coupons yet; upload them before the program goes live',
      },
      {
        path: 'referrerReward.coupon.pool',
        message: 'pool "referrer" has no free coupons left (3 issued); upload more',
      },
      {
        path: 'landingUrl',
        message:
          "is on https://elsewhere.example, which is not one of the site's origins: the page cannot load the program there",
      },
    ]);
  });
});
