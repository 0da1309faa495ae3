import { describe, expect, it } from 'vitest';
import type { ReferralProgram } from '../schemas/referrals.js';
import { planRewards, type RewardPlanInput } from './planRewards.js';

const NOW = Date.parse('2030-03-01T12:00:00Z');
const DAY = 86_400_000;

const program: ReferralProgram = {
  enabled: true,
  friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'friends' } },
  referrerReward: {
    value: { kind: 'amount', amount: 5, currency: 'EUR' },
    coupon: { pool: 'thanks' },
  },
  minOrderAmount: 20,
  currency: 'EUR',
  holdDays: 14,
  milestones: [
    { every: 3, reward: { value: { kind: 'credit', amount: 10, currency: 'EUR' } } },
    { every: 5, reward: { value: { kind: 'percent', percent: 50 }, coupon: { code: 'HIGHFIVE' } } },
  ],
  fraud: {
    blockedReferrerDomains: [],
    maxConversionsPerCodePerHour: 10,
    disposableEmailDomains: [],
  },
};

function input(change: Partial<RewardPlanInput> = {}): RewardPlanInput {
  return {
    amount: 42.5,
    currency: 'EUR',
    flagged: false,
    friendsBefore: 0,
    alreadyCredited: false,
    offerTaken: true,
    now: NOW,
    ...change,
  };
}

describe('planRewards', () => {
  it("records the friend's used coupon and holds the referrer's reward", () => {
    expect(planRewards(program, input())).toEqual({
      credited: true,
      skipped: null,
      friendNumber: 1,
      rewards: [
        {
          kind: 'offer',
          reason: 'offer',
          recipient: 'buyer',
          value: { kind: 'percent', percent: 10 },
          coupon: null,
          status: 'approved',
          approvesAt: null,
        },
        {
          kind: 'friend',
          reason: 'friend',
          recipient: 'referrer',
          value: { kind: 'amount', amount: 5, currency: 'EUR' },
          coupon: { pool: 'thanks' },
          status: 'pending',
          approvesAt: NOW + 14 * DAY,
        },
      ],
    });
  });

  it('due at once with no hold', () => {
    const plan = planRewards({ ...program, holdDays: 0 }, input());
    expect(plan.rewards.find((r) => r.kind === 'friend')?.approvesAt).toBe(NOW);
  });

  it('records no offer the buyer did not take, and credit offers wait for the hold', () => {
    expect(planRewards(program, input({ offerTaken: false })).rewards.map((r) => r.kind)).toEqual([
      'friend',
    ]);
    const credit = {
      ...program,
      friendOffer: { value: { kind: 'credit' as const, amount: 5, currency: 'EUR' } },
    };
    const offer = planRewards(credit, input()).rewards[0];
    expect(offer).toMatchObject({
      kind: 'offer',
      status: 'pending',
      approvesAt: NOW + 14 * DAY,
      coupon: null,
    });
  });

  it('pays nothing for an order under the minimum, to the cent', () => {
    expect(planRewards(program, input({ amount: 19.99 }))).toMatchObject({
      credited: false,
      skipped: 'below_minimum',
      friendNumber: null,
      rewards: [{ kind: 'offer' }],
    });
    expect(planRewards(program, input({ amount: 20 })).credited).toBe(true);
    expect(planRewards({ ...program, minOrderAmount: 0 }, input({ amount: 0 })).credited).toBe(
      true,
    );
  });

  it('cannot compare an order in another currency with the minimum', () => {
    expect(planRewards(program, input({ currency: 'USD', amount: 1000 })).skipped).toBe(
      'currency_mismatch',
    );
    const noMinimum = { ...program, minOrderAmount: 0 };
    expect(planRewards(noMinimum, input({ currency: 'USD', amount: 1 })).credited).toBe(true);
  });

  it('credits a friend once: a repeat order earns nothing more', () => {
    expect(planRewards(program, input({ alreadyCredited: true, friendsBefore: 2 }))).toEqual({
      credited: false,
      skipped: 'already_credited',
      friendNumber: null,
      rewards: [],
    });
  });

  it('adds a milestone reward for every Nth friend, each milestone once', () => {
    const kinds = (friendsBefore: number) =>
      planRewards(program, input({ friendsBefore })).rewards.map((r) => r.kind);
    expect(kinds(1)).toEqual(['offer', 'friend']);
    expect(kinds(2)).toEqual(['offer', 'friend', 'milestone:3']);
    expect(kinds(4)).toEqual(['offer', 'friend', 'milestone:5']);
    expect(kinds(14)).toEqual(['offer', 'friend', 'milestone:3', 'milestone:5']);
    const twice = { ...program, milestones: [...program.milestones, ...program.milestones] };
    expect(planRewards(twice, input({ friendsBefore: 2 })).rewards.map((r) => r.kind)).toEqual([
      'offer',
      'friend',
      'milestone:3',
    ]);
    const third = planRewards(program, input({ friendsBefore: 2 }));
    expect(third.friendNumber).toBe(3);
    // Store credit is booked by the merchant: no coupon. A fixed code is given as it is.
    expect(third.rewards[2]).toMatchObject({
      coupon: null,
      status: 'pending',
      approvesAt: NOW + 14 * DAY,
    });
    expect(planRewards(program, input({ friendsBefore: 4 })).rewards[2]?.coupon).toEqual({
      code: 'HIGHFIVE',
    });
  });

  it('sends a flagged order to review whole, unpaid and uncounted', () => {
    expect(planRewards(program, input({ flagged: true, friendsBefore: 2 }))).toEqual({
      credited: false,
      skipped: null,
      friendNumber: null,
      rewards: [
        expect.objectContaining({ kind: 'offer', status: 'review', approvesAt: null }),
        expect.objectContaining({ kind: 'friend', status: 'review', approvesAt: null }),
      ],
    });
  });
});
