import { describe, expect, it } from 'vitest';
import { SHARE_REWARD_WARNING } from '../shareProgram/checkShareProgram.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, useReferralKit } from '../testing/referralKit.js';
import { shareProgramFixture } from '../testing/shareProgramFixture.js';

describeDatabases('GET and PUT /v1/admin/share-program', (harness) => {
  const kit = useReferralKit(harness);

  const put = (body: unknown) =>
    kit.admin('/v1/admin/share-program', { method: 'PUT', body: JSON.stringify(body) });
  const config = async () =>
    (
      (await (await kit.get(`/v1/sites/${kit.test.created.publicKey}/config`)).json()) as {
        share: unknown;
      }
    ).share;

  it('is off until set: no program, nothing in the public config', async () => {
    const response = await kit.admin('/v1/admin/share-program');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ program: null, warnings: [] });
    expect(await config()).toBeNull();
  });

  it('stores a program whole and serves its public face, the incentive in plain words', async () => {
    const program = shareProgramFixture();
    const response = await put(program);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ program, warnings: [] });
    expect(await (await kit.admin('/v1/admin/share-program')).json()).toEqual({
      program,
      warnings: [],
    });
    expect(await config()).toEqual({
      channels: ['native', 'whatsapp', 'x', 'copy'],
      text: 'Our soaps are lovely',
      rewardOn: 'visit',
      incentive: { value: { kind: 'percent', percent: 5 }, description: '5% off' },
      campaign: 'spring',
    });

    // `purchase` pays the referral program's reward: that is the incentive shown.
    const { reward: _paidByReferrals, ...purchase } = shareProgramFixture({ rewardOn: 'purchase' });
    expect((await put(purchase)).status).toBe(200);
    expect(await config()).toMatchObject({
      rewardOn: 'purchase',
      incentive: { description: '€5.00 off' },
    });

    expect((await put({ ...program, enabled: false })).status).toBe(200);
    expect(await config()).toBeNull();
  });

  it('refuses a bad program naming every field, and keeps the one stored', async () => {
    await put(shareProgramFixture({ campaign: 'kept' }));
    const schema = await expectError(
      await put({
        ...shareProgramFixture(),
        channels: ['x', 'fax', 'x'],
        text: 'a'.repeat(281),
        rewardOn: 'always',
        campaign: 'no spaces',
      }),
      400,
      'invalid_request',
    );
    expect(schema.issues?.map((issue) => issue.path).sort()).toEqual([
      'campaign',
      'channels.1',
      'rewardOn',
      'text',
    ]);

    const repeated = await expectError(
      await put(shareProgramFixture({ channels: ['x', 'copy', 'x'] })),
      400,
      'invalid_request',
    );
    expect(repeated.issues).toEqual([{ path: 'channels', message: 'must not repeat a channel' }]);

    const rules = await expectError(
      await put({
        ...shareProgramFixture({ rewardOn: 'visit' }),
        reward: { value: { kind: 'percent', percent: 5 } },
      }),
      400,
      'invalid_request',
    );
    expect(rules.issues).toEqual([
      {
        path: 'reward.coupon',
        message: 'is required for a discount: { "pool": NAME } or { "code": CODE }',
      },
    ]);
    const { reward: _none, ...missing } = shareProgramFixture({ rewardOn: 'share' });
    const noReward = await expectError(await put(missing), 400, 'invalid_request');
    expect(noReward.issues).toEqual([
      { path: 'reward', message: 'is required when rewardOn is "share"' },
    ]);
    const extra = await expectError(
      await put(shareProgramFixture({ rewardOn: null })),
      400,
      'invalid_request',
    );
    expect(extra.issues?.[0]?.path).toBe('reward');

    const stored = (await (await kit.admin('/v1/admin/share-program')).json()) as {
      program: { campaign: string };
    };
    expect(stored.program.campaign).toBe('kept');
  });

  describe('warnings', () => {
    it('accepts rewarding the share itself, with the warning that networks forbid it', async () => {
      const response = await put(shareProgramFixture({ rewardOn: 'share' }));
      expect(response.status).toBe(200);
      const { warnings } = (await response.json()) as { warnings: unknown[] };
      expect(warnings).toEqual([{ path: 'rewardOn', message: SHARE_REWARD_WARNING }]);
      expect(SHARE_REWARD_WARNING).toContain('some networks forbid');
      expect(SHARE_REWARD_WARNING).toContain("reward a friend's visit or purchase instead");
    });

    it('names a pool that does not exist as the referral program does', async () => {
      const response = await put(
        shareProgramFixture({
          reward: { value: { kind: 'percent', percent: 5 }, coupon: { pool: 'sharers' } },
        }),
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { warnings: unknown[] }).warnings).toEqual([
        {
          path: 'reward.coupon.pool',
          message: 'pool "sharers" has no coupons yet; upload them before the program goes live',
        },
      ]);
    });
  });
});
