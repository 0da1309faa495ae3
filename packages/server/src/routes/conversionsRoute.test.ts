import { describe, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { DAY_MS, expectError, START, testProgram, useReferralKit } from '../testing/referralKit.js';

interface RewardRecord {
  id: string;
  kind: string;
  status: string;
  coupon: string | null;
  approvesAt: string | null;
  customer: string | null;
  visitor: string | null;
  verified: boolean;
}

describeDatabases('POST /v1/conversions', (harness) => {
  const kit = useReferralKit(harness);

  /** A referrer with a code, seen on a browser of their own. */
  async function referrer(name = 'Ada') {
    const customer = {
      id: kit.id(name.toLowerCase()),
      email: `${kit.id('mail')}@example.com`,
      name,
    };
    const visitor = kit.id('visitor');
    const { code } = await kit.referral(customer, visitor);
    return { customer, visitor, code };
  }

  /** A new friend: their own id, address and browser. */
  function friend() {
    return {
      id: kit.id('friend'),
      email: `${kit.id('friend')}@example.org`,
      visitor: kit.id('visitor'),
    };
  }

  function order(fields: Record<string, unknown> = {}) {
    return { orderId: kit.id('order'), amount: 42.5, currency: 'EUR', ...fields };
  }

  async function rewardsOf(orderId: string): Promise<RewardRecord[]> {
    const response = await kit.admin(`/v1/admin/rewards?order=${orderId}`);
    expect(response.status).toBe(200);
    const items = ((await response.json()) as { items: RewardRecord[] }).items;
    return items.sort((a, b) => a.kind.localeCompare(b.kind));
  }

  async function rowCounts(orderId: string) {
    const conversions = await kit.database.db
      .selectFrom('conversions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const rewards = await kit.database.db
      .selectFrom('rewards')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    return { conversions: Number(conversions.n), rewards: Number(rewards.n) };
  }

  describe('the loop', () => {
    it('credits a friend, holds the reward, answers a replay the same and changes nothing', async () => {
      const ada = await referrer();
      const ben = friend();
      const coupon = await kit.claim(ada.code, ben.visitor);
      const body = order({
        ref: ada.code,
        coupon,
        visitor: ben.visitor,
        email: ben.email,
        customer: { id: ben.id, name: 'Ben' },
        referrerDomain: 'mail.example',
      });
      const response = await kit.convert(body);
      expect(response.status).toBe(200);
      const result = await response.json();
      expect(result).toEqual({
        orderId: body.orderId,
        status: 'attributed',
        ref: ada.code,
        verified: false,
      });

      const rewards = await rewardsOf(body.orderId);
      expect(rewards).toMatchObject([
        {
          kind: 'friend',
          status: 'pending',
          coupon: null,
          customer: ada.customer.id,
          verified: false,
        },
        { kind: 'offer', status: 'approved', coupon, customer: ben.id, visitor: null },
      ]);
      expect(rewards[0]?.approvesAt).toBe(new Date(START + 14 * DAY_MS).toISOString());
      const mine = await kit.referral({ id: ada.customer.id });
      expect(mine.friends).toBe(1);
      expect(mine.rewards).toMatchObject([
        {
          status: 'pending',
          reason: 'friend',
          approvesAt: rewards[0]?.approvesAt,
          offer: { description: '€5.00 off' },
        },
      ]);

      const before = await rowCounts(body.orderId);
      for (let i = 0; i < 3; i++) {
        const replay = await kit.convert(body);
        expect(await replay.json()).toEqual(result);
      }
      expect(await rowCounts(body.orderId)).toEqual(before);
      expect(before).toEqual({ conversions: 1, rewards: 2 });
    });

    it('refuses the same order id with another amount or currency, naming both values', async () => {
      const ada = await referrer();
      const body = order({ ref: ada.code, amount: 42.5 });
      expect((await kit.convert(body)).status).toBe(200);
      const amount = await expectError(
        await kit.convert({ ...body, amount: 40 }),
        409,
        'order_conflict',
      );
      expect(amount.message).toContain('42.5 EUR');
      expect(amount.message).toContain('different amount: 40 EUR');
      expect(amount.issues).toEqual([{ path: 'amount', message: 'was 42.5 EUR' }]);
      const currency = await expectError(
        await kit.convert({ ...body, currency: 'USD' }),
        409,
        'order_conflict',
      );
      expect(currency.issues?.map((i) => i.path)).toEqual(['currency']);
      // The same amount written differently is the same order.
      expect((await kit.convert({ ...body, amount: 42.5 })).status).toBe(200);
    });

    it('approves nothing unverified by itself: a person approves it after the hold', async () => {
      const ada = await referrer();
      const body = order({ ref: ada.code, visitor: kit.id('visitor') });
      await kit.convert(body);
      kit.clock.advance(15 * DAY_MS);
      const [pending] = await rewardsOf(body.orderId);
      expect(pending).toMatchObject({ kind: 'friend', status: 'pending', coupon: null });

      const approve = await kit.admin(`/v1/admin/rewards/${pending?.id}/approve`, {
        method: 'POST',
      });
      expect(approve.status).toBe(200);
      const approved = (await approve.json()) as RewardRecord;
      expect(approved).toMatchObject({
        id: pending?.id,
        status: 'approved',
        coupon: expect.stringMatching(/^THANKS-/),
      });
      // Approving again changes nothing: the same coupon.
      const again = await kit.admin(`/v1/admin/rewards/${pending?.id}/approve`, { method: 'POST' });
      expect(((await again.json()) as RewardRecord).coupon).toBe(approved.coupon);

      // The coupon is shown only to the verified customer.
      const unverified = await kit.referral({ id: ada.customer.id });
      expect(unverified.rewards[0]).toMatchObject({ status: 'approved' });
      expect(unverified.rewards[0]?.coupon).toBeUndefined();
      const verified = await kit.referral(kit.verified({ id: ada.customer.id }));
      expect(verified.rewards[0]).toMatchObject({ status: 'approved', coupon: approved.coupon });
    });

    it('approves a verified order by itself once the hold is over, with a coupon', async () => {
      const ada = await referrer();
      const body = order({ ref: ada.code });
      const response = await kit.convert(body, 'server');
      expect(await response.json()).toMatchObject({ status: 'attributed', verified: true });
      kit.clock.advance(14 * DAY_MS - 1);
      expect((await rewardsOf(body.orderId))[0]).toMatchObject({
        status: 'pending',
        verified: true,
      });
      kit.clock.advance(1);
      const mine = await kit.referral(kit.verified({ id: ada.customer.id }));
      expect(mine.rewards[0]).toMatchObject({
        status: 'approved',
        coupon: expect.stringMatching(/^THANKS-/),
      });
    });

    it('lets the secret key confirm an order the browser recorded, and credits a late ref', async () => {
      const ada = await referrer();
      const browser = order({ ref: ada.code });
      await kit.convert(browser);
      const confirmed = await kit.convert(
        { orderId: browser.orderId, amount: 42.5, currency: 'EUR' },
        'server',
      );
      expect(await confirmed.json()).toEqual({
        orderId: browser.orderId,
        status: 'attributed',
        ref: ada.code,
        verified: true,
      });
      await expectError(
        await kit.convert({ orderId: browser.orderId, amount: 1, currency: 'EUR' }, 'server'),
        409,
        'order_conflict',
      );

      // The merchant's server first (it knows no ref), the thank-you page after.
      const server = order();
      expect(await (await kit.convert(server, 'server')).json()).toMatchObject({
        status: 'none',
        ref: null,
      });
      const late = await kit.convert({ ...server, ref: ada.code });
      expect(await late.json()).toEqual({
        orderId: server.orderId,
        status: 'attributed',
        ref: ada.code,
        verified: true,
      });
      expect((await rewardsOf(server.orderId)).map((r) => r.kind)).toEqual(['friend']);
    });

    it('approves at once when there is no hold and the order is verified', async () => {
      await kit.setProgram(testProgram({ holdDays: 0 }));
      const ada = await referrer();
      const body = order({ ref: ada.code });
      await kit.convert(body, 'server');
      const [friendReward] = await rewardsOf(body.orderId);
      expect(friendReward).toMatchObject({
        status: 'approved',
        coupon: expect.stringMatching(/^THANKS-/),
      });
      await kit.setProgram(testProgram());
    });
  });

  describe('attribution', () => {
    it('credits the code a pool coupon was claimed through, bought on another device', async () => {
      const ada = await referrer();
      const phone = kit.id('visitor');
      const coupon = await kit.claim(ada.code, phone);
      const body = order({ coupon, visitor: kit.id('visitor'), email: 'eve@example.net' });
      expect(await (await kit.convert(body)).json()).toMatchObject({
        status: 'attributed',
        ref: ada.code,
      });
      expect((await rewardsOf(body.orderId)).map((r) => [r.kind, r.status])).toEqual([
        ['friend', 'pending'],
        ['offer', 'approved'],
      ]);
    });

    it('credits nobody for a fixed coupon code, which every friend shares', async () => {
      await kit.setProgram(
        testProgram({
          friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { code: 'FRIEND10' } },
        }),
      );
      const ada = await referrer();
      await kit.claim(ada.code, kit.id('visitor'));
      const body = order({ coupon: 'FRIEND10' });
      expect(await (await kit.convert(body)).json()).toMatchObject({ status: 'none', ref: null });
      // With the ref, the fixed coupon counts as the friend's offer taken.
      const referred = order({ coupon: 'FRIEND10', ref: ada.code });
      await kit.convert(referred);
      expect((await rewardsOf(referred.orderId)).map((r) => r.kind)).toEqual(['friend', 'offer']);
      await kit.setProgram(testProgram());
    });

    it('records an order with an unknown ref as not referred', async () => {
      const body = order({ ref: 'UnknownCode9' });
      expect(await (await kit.convert(body)).json()).toEqual({
        orderId: body.orderId,
        status: 'none',
        ref: null,
        verified: false,
      });
    });

    it('pays nothing for an order under the minimum, and credits a friend once', async () => {
      const ada = await referrer();
      const ben = friend();
      const small = order({ ref: ada.code, amount: 19.99, customer: { id: ben.id } });
      expect(await (await kit.convert(small)).json()).toMatchObject({ status: 'attributed' });
      expect(await rewardsOf(small.orderId)).toEqual([]);
      const first = order({ ref: ada.code, customer: { id: ben.id } });
      await kit.convert(first);
      expect((await rewardsOf(first.orderId)).map((r) => r.kind)).toEqual(['friend']);
      const repeat = order({ ref: ada.code, customer: { id: ben.id } });
      expect(await (await kit.convert(repeat)).json()).toMatchObject({ status: 'attributed' });
      expect(await rewardsOf(repeat.orderId)).toEqual([]);
      expect((await kit.referral({ id: ada.customer.id })).friends).toBe(1);
    });

    it('adds the milestone reward for every third friend', async () => {
      const ada = await referrer();
      const kinds: string[][] = [];
      for (let i = 0; i < 6; i++) {
        const body = order({ ref: ada.code, customer: { id: kit.id('friend') } });
        await kit.convert(body);
        kinds.push((await rewardsOf(body.orderId)).map((r) => r.kind));
      }
      expect(kinds).toEqual([
        ['friend'],
        ['friend'],
        ['friend', 'milestone:3'],
        ['friend'],
        ['friend'],
        ['friend', 'milestone:3'],
      ]);
      expect((await kit.referral({ id: ada.customer.id })).friends).toBe(6);
    });

    it('ignores a forged identity when the site verifies identities, and keeps the order', async () => {
      const ada = await referrer();
      const verify = (on: boolean) =>
        kit.admin('/v1/admin/site', {
          method: 'PATCH',
          body: JSON.stringify({ identityVerification: on }),
        });
      await verify(true);
      try {
        // Someone claims to be Ada while buying through her link: not trusted, not linked.
        const forged = order({
          ref: ada.code,
          customer: { id: ada.customer.id, hash: 'f'.repeat(64) },
        });
        expect(await (await kit.convert(forged)).json()).toMatchObject({ status: 'attributed' });
        // With the right hash the customer counts: Ada buying through her own link.
        const real = order({ ref: ada.code, customer: kit.verified({ id: ada.customer.id }) });
        expect(await (await kit.convert(real)).json()).toMatchObject({ status: 'review' });
        const rows = await kit.database.db
          .selectFrom('conversions')
          .leftJoin('customers', 'customers.id', 'conversions.customer_id')
          .select(['order_id', 'customers.merchant_id'])
          .where('order_id', 'in', [forged.orderId, real.orderId])
          .execute();
        expect(Object.fromEntries(rows.map((r) => [r.order_id, r.merchant_id]))).toEqual({
          [forged.orderId]: null,
          [real.orderId]: ada.customer.id,
        });
      } finally {
        await verify(false);
      }
    });
  });

  describe('bad input', () => {
    it('names the field of a bad amount, currency or order id and stores nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ amount: -1 }, 'amount'],
        [{ amount: 10_000_001 }, 'amount'],
        [{ amount: 10.005 }, 'amount'],
        [{ amount: 5.5, currency: 'JPY' }, 'amount'],
        [{ amount: '42' }, 'amount'],
        [{ currency: 'EUX' }, 'currency'],
        [{ currency: 'eur' }, 'currency'],
        [{ orderId: '' }, 'orderId'],
        [{ orderId: 'has space' }, 'orderId'],
        [{ ref: 'no!' }, 'ref'],
        [{ coupon: 'x' }, 'coupon'],
        [{ email: 'nope' }, 'email'],
        [{ unexpected: true }, '(root)'],
      ];
      for (const [change, path] of cases) {
        const body = order(change);
        const error = await expectError(await kit.convert(body), 400, 'invalid_request');
        expect(
          error.issues?.map((i) => i.path),
          JSON.stringify(change),
        ).toContain(path);
        if (typeof body.orderId === 'string' && body.orderId) {
          expect((await rowCounts(body.orderId)).conversions).toBe(0);
        }
      }
      // Three decimals are right for a three-decimal currency.
      expect((await kit.convert(order({ amount: 10.005, currency: 'KWD' }))).status).toBe(200);
    });

    it('refuses a wrong secret key and a body naming another site', async () => {
      const wrong = await kit.test.fetch('/v1/conversions', {
        method: 'POST',
        headers: { authorization: `Bearer sk_${'x'.repeat(40)}` },
        body: JSON.stringify(order()),
      });
      await expectError(wrong, 401, 'unauthorized');
      const other = await kit.convert(
        { ...order(), site: 'pk_someoneelse0000000000000' },
        'server',
      );
      expect((await expectError(other, 400, 'invalid_request')).issues).toEqual([
        { path: 'site', message: expect.any(String) },
      ]);
    });
  });
});
