import type { ShareProgram } from '@vouch/core/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, useReferralKit } from '../testing/referralKit.js';
import { shareProgramFixture } from '../testing/shareProgramFixture.js';

describeDatabases('POST /v1/shares and /v1/shares/visits', (harness) => {
  const kit = useReferralKit(harness);

  async function setShareProgram(program: ShareProgram) {
    const response = await kit.admin('/v1/admin/share-program', {
      method: 'PUT',
      body: JSON.stringify(program),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }

  /** A customer with a referral code, seen on one browser of their own. */
  async function sharer(name = 'Ada') {
    const customer = kit.verified({ id: kit.id(name.toLowerCase()), name });
    const visitor = kit.id('v');
    const { code } = await kit.referral(customer, visitor);
    return { customer, visitor, code };
  }

  async function share(body: Record<string, unknown>) {
    const response = await kit.post('/v1/shares', body);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as {
      recorded: boolean;
      reward?: { reason: string; status: string; coupon?: string };
    };
  }

  async function visit(code: string, visitor: string, channel = 'whatsapp') {
    const response = await kit.post('/v1/shares/visits', { code, channel, visitor });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { counted: boolean }).counted;
  }

  async function shareRewards(customerId: string) {
    const { rewards } = await kit.referral(kit.verified({ id: customerId }));
    return rewards.filter((reward) => reward.reason === 'share');
  }

  async function visitRows(code: string) {
    return kit.database.db
      .selectFrom('share_visits')
      .selectAll()
      .where('code', '=', code)
      .execute();
  }

  describe('with rewardOn visit', () => {
    beforeAll(async () => {
      await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
    });

    it('records a share once per id, and answers a repeat the same', async () => {
      const ada = await sharer();
      const id = kit.id('share');
      const body = {
        id,
        channel: 'whatsapp',
        visitor: ada.visitor,
        customer: ada.customer,
        url: `${kit.test.origin}/?ref=${ada.code}`,
      };
      const first = await share(body);
      expect(first).toEqual({ recorded: true });
      expect(await share({ ...body, channel: 'x' })).toEqual(first);
      const rows = await kit.database.db
        .selectFrom('shares')
        .selectAll()
        .where('id', '=', id)
        .execute();
      expect(rows).toMatchObject([{ channel: 'whatsapp', code: ada.code, campaign: 'visits-1' }]);
      // An anonymous share is recorded too; it can earn nothing.
      expect(await share({ id: kit.id('share'), channel: 'copy', visitor: kit.id('v') })).toEqual({
        recorded: true,
      });
    });

    it("counts a friend's visit once, grants the sharer's reward once, with its coupon at once", async () => {
      const ada = await sharer();
      const ben = kit.id('ben');
      expect(await visit(ada.code, ben)).toBe(true);
      expect(await visit(ada.code, ben, 'x')).toBe(true);
      expect(await visitRows(ada.code)).toMatchObject([{ visitor: ben, channel: 'whatsapp' }]);

      const [reward, ...more] = await shareRewards(ada.customer.id);
      expect(more).toEqual([]);
      expect(reward).toMatchObject({
        reason: 'share',
        status: 'approved',
        offer: { description: '5% off' },
      });
      expect(reward?.coupon).toMatch(/^THANKS-/);

      // A second friend counts, but the campaign's reward was given already.
      expect(await visit(ada.code, kit.id('cleo'), 'x')).toBe(true);
      expect(await shareRewards(ada.customer.id)).toEqual([reward]);
      // The share answer reveals the reward too.
      const answer = await share({
        id: kit.id('share'),
        channel: 'x',
        visitor: ada.visitor,
        customer: ada.customer,
      });
      expect(answer.reward).toEqual(reward);
    });

    it("does not count the sharer's own browsers: opening your own link unlocks nothing", async () => {
      const ada = await sharer();
      // A browser Ada was identified on.
      expect(await visit(ada.code, ada.visitor)).toBe(false);
      // A browser Ada shared from.
      const laptop = kit.id('v');
      await share({ id: kit.id('share'), channel: 'x', visitor: laptop, customer: ada.customer });
      expect(await visit(ada.code, laptop, 'x')).toBe(false);
      expect(await visitRows(ada.code)).toEqual([]);
      expect(await shareRewards(ada.customer.id)).toEqual([]);
    });

    it('gives the coupon only to a verified identity, issued when it reads it', async () => {
      const ada = await sharer();
      await visit(ada.code, kit.id('ben'));
      // Read without the hash: the reward waits, without a code from the pool.
      const { rewards } = await kit.referral({ id: ada.customer.id });
      expect(rewards).toMatchObject([{ reason: 'share', status: 'pending' }]);
      expect(rewards[0]?.coupon).toBeUndefined();
      const verified = await kit.referral(kit.verified({ id: ada.customer.id }));
      expect(verified.rewards).toMatchObject([{ reason: 'share', status: 'approved' }]);
      expect(verified.rewards[0]?.coupon).toEqual(expect.any(String));
    });

    it('keeps a reward pending while its pool is empty, and gives its coupon after a refill', async () => {
      await setShareProgram(
        shareProgramFixture({
          campaign: 'refill',
          reward: { value: { kind: 'percent', percent: 5 }, coupon: { pool: 'later' } },
        }),
      );
      try {
        const ada = await sharer();
        await visit(ada.code, kit.id('ben'));
        expect(await shareRewards(ada.customer.id)).toMatchObject([{ status: 'pending' }]);
        const [code] = await kit.uploadCoupons('later', 1);
        const [reward] = await shareRewards(ada.customer.id);
        expect(reward).toMatchObject({ status: 'approved', coupon: code });
      } finally {
        await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
      }
    });

    it('does not count an unknown code', async () => {
      expect(await visit('UNKNOWN1', kit.id('ben'))).toBe(false);
    });

    it('starts afresh with a new campaign: one more reward per customer', async () => {
      const ada = await sharer();
      await visit(ada.code, kit.id('ben'));
      await setShareProgram(shareProgramFixture({ campaign: 'visits-2' }));
      await visit(ada.code, kit.id('cleo'));
      await visit(ada.code, kit.id('dan'));
      expect(await shareRewards(ada.customer.id)).toHaveLength(2);
      await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
    });

    it('refuses bad input naming the fields, and a forged identity where identities are verified', async () => {
      const bad = await expectError(
        await kit.post('/v1/shares/visits', { code: 'no!', channel: 'fax', visitor: 'v' }),
        400,
        'invalid_request',
      );
      expect(bad.issues?.map((issue) => issue.path).sort()).toEqual(['channel', 'code', 'visitor']);
      const forged = await kit.admin('/v1/admin/site', {
        method: 'PATCH',
        body: JSON.stringify({ identityVerification: true }),
      });
      expect(forged.status).toBe(200);
      try {
        await expectError(
          await kit.post('/v1/shares', {
            id: kit.id('share'),
            channel: 'x',
            visitor: kit.id('v'),
            customer: { id: 'ada', hash: 'f'.repeat(64) },
          }),
          403,
          'identity_not_verified',
        );
      } finally {
        await kit.admin('/v1/admin/site', {
          method: 'PATCH',
          body: JSON.stringify({ identityVerification: false }),
        });
      }
    });
  });

  describe('with the program off', () => {
    it('counts no visit and grants nothing', async () => {
      const ada = await sharer();
      await setShareProgram(shareProgramFixture({ enabled: false, campaign: 'off' }));
      try {
        expect(await visit(ada.code, kit.id('ben'))).toBe(false);
        expect(await visitRows(ada.code)).toEqual([]);
        expect(await shareRewards(ada.customer.id)).toEqual([]);
      } finally {
        await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
      }
    });

    it('grants nothing for a visit when rewardOn is not visit', async () => {
      const ada = await sharer();
      const { reward: _paidByReferrals, ...purchase } = shareProgramFixture({
        rewardOn: 'purchase',
        campaign: 'purchases',
      });
      await setShareProgram(purchase);
      try {
        expect(await visit(ada.code, kit.id('ben'))).toBe(true);
        expect(await shareRewards(ada.customer.id)).toEqual([]);
      } finally {
        await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
      }
    });
  });

  describe('with rewardOn share', () => {
    it('rewards an identified sharer once per campaign, and nobody anonymous', async () => {
      await setShareProgram(
        shareProgramFixture({
          rewardOn: 'share',
          campaign: 'shares-1',
          reward: { value: { kind: 'credit', amount: 2, currency: 'EUR' } },
        }),
      );
      try {
        const ada = await sharer();
        const first = await share({
          id: kit.id('share'),
          channel: 'x',
          visitor: ada.visitor,
          customer: ada.customer,
        });
        expect(first.reward).toMatchObject({
          reason: 'share',
          status: 'approved',
          offer: { description: '€2.00 store credit' },
        });
        // Store credit has no coupon: the merchant books it by hand.
        expect(first.reward?.coupon).toBeUndefined();
        const again = await share({
          id: kit.id('share'),
          channel: 'facebook',
          visitor: ada.visitor,
          customer: ada.customer,
        });
        expect(again.reward).toEqual(first.reward);
        expect(await shareRewards(ada.customer.id)).toHaveLength(1);
        expect(await share({ id: kit.id('share'), channel: 'x', visitor: kit.id('v') })).toEqual({
          recorded: true,
        });
      } finally {
        await setShareProgram(shareProgramFixture({ campaign: 'visits-1' }));
      }
    });
  });
});
