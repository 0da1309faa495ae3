import { describe, expect, it } from 'vitest';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { shareProgramFixture } from '../testing/shareProgramFixture.js';
import { checkShareProgram, SHARE_REWARD_WARNING } from './checkShareProgram.js';

const pools = [{ pool: 'thanks', total: 10, issued: 10, left: 0 }];
const referral = referralProgramFixture();

describe('checkShareProgram', () => {
  it('finds nothing wrong with a program that rewards a visit from a stocked pool', () => {
    const stocked = [{ pool: 'thanks', total: 10, issued: 2, left: 8 }];
    expect(checkShareProgram(shareProgramFixture(), { pools: stocked, referral })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('warns of an empty pool, a reward on the share itself, and links without codes', () => {
    const { warnings } = checkShareProgram(shareProgramFixture({ rewardOn: 'share' }), {
      pools,
      referral: { ...referral, enabled: false },
    });
    expect(warnings.map((w) => w.path)).toEqual(['reward.coupon.pool', 'rewardOn', 'rewardOn']);
    expect(warnings[1]?.message).toBe(SHARE_REWARD_WARNING);
    expect(warnings[2]?.message).toContain('needs the referral program on');
  });

  it('takes no reward for purchases (the referral program pays) and store credit without a coupon', () => {
    const purchase = checkShareProgram(shareProgramFixture({ rewardOn: 'purchase' }), {
      pools,
      referral,
    });
    expect(purchase.errors.map((e) => e.path)).toEqual(['reward']);
    const credit = checkShareProgram(
      shareProgramFixture({
        reward: { value: { kind: 'credit', amount: 5, currency: 'EUR' }, coupon: { code: 'NO' } },
      }),
      { pools, referral },
    );
    expect(credit.errors).toEqual([
      {
        path: 'reward.coupon',
        message: 'must be left out for store credit, which the merchant books by hand',
      },
    ]);
    const fine = checkShareProgram(
      shareProgramFixture({
        reward: {
          value: { kind: 'amount', amount: 5.555, currency: 'EUR' },
          coupon: { code: 'FIVE' },
        },
      }),
      { pools, referral },
    );
    expect(fine.errors).toEqual([
      { path: 'reward.value.amount', message: 'must have at most 2 decimals in EUR' },
    ]);
  });
});
