import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { DAY_MS, expectError, useReferralKit } from '../testing/referralKit.js';

interface Page<T> {
  items: T[];
  next: string | null;
}
interface Reward {
  id: string;
  orderId: string;
  kind: string;
  status: string;
  coupon: string | null;
  customer: string | null;
}

describeDatabases('admin referral routes', (harness) => {
  const kit = useReferralKit(harness);

  async function get<T>(path: string): Promise<T> {
    const response = await kit.admin(path);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  }

  async function referred(code: string, fields: Record<string, unknown> = {}) {
    const orderId = kit.id('order');
    const response = await kit.convert({
      orderId,
      amount: 30,
      currency: 'EUR',
      ref: code,
      ...fields,
    });
    expect(response.status).toBe(200);
    kit.clock.advance(1000);
    return orderId;
  }

  async function friendReward(orderId: string): Promise<Reward> {
    const { items } = await get<Page<Reward>>(`/v1/admin/rewards?order=${orderId}&reason=friend`);
    expect(items).toHaveLength(1);
    return items[0] as Reward;
  }

  it('needs the secret key', async () => {
    for (const path of [
      '/v1/admin/referrals',
      '/v1/admin/conversions',
      '/v1/admin/rewards',
      '/v1/admin/advocates',
    ]) {
      await expectError(await kit.test.fetch(path), 401, 'unauthorized');
    }
    await expectError(
      await kit.test.fetch('/v1/admin/orders/x/refund', { method: 'POST' }),
      401,
      'unauthorized',
    );
  });

  it('pages through conversions newest first with a cursor, filtered', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const orders: string[] = [];
    for (let i = 0; i < 5; i++)
      orders.push(await referred(code, { customer: { id: kit.id('friend') } }));
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: Page<{ orderId: string; amount: number; ref: string }> = await get(
        `/v1/admin/conversions?code=${code}&limit=2${next ? `&cursor=${next}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.orderId));
      next = page.next;
    } while (next);
    expect(seen).toEqual([...orders].reverse());

    const one = await get<Page<Record<string, unknown>>>(
      `/v1/admin/conversions?code=${code}&limit=1`,
    );
    expect(one.items[0]).toMatchObject({
      orderId: orders[4],
      amount: 30,
      currency: 'EUR',
      status: 'attributed',
      verified: false,
      ref: code,
      reasons: [],
      refundedAt: null,
    });
    const none = await get<Page<unknown>>(`/v1/admin/conversions?code=${code}&status=review`);
    expect(none.items).toEqual([]);
    const verified = await get<Page<unknown>>(`/v1/admin/conversions?code=${code}&verified=true`);
    expect(verified.items).toEqual([]);
  });

  it('names each bad filter, and refuses a cursor it did not give out', async () => {
    const error = await expectError(
      await kit.admin('/v1/admin/rewards?status=paid&limit=0&since=yesterday'),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['(root)', 'limit', 'status']);
    const cursor = await expectError(
      await kit.admin('/v1/admin/conversions?cursor=bm90LWpzb24'),
      400,
      'invalid_request',
    );
    expect(cursor.issues).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    const limit = await expectError(
      await kit.admin('/v1/admin/referrals?limit=201'),
      400,
      'invalid_request',
    );
    expect(limit.issues?.[0]?.path).toBe('limit');
  });

  it('voids a pending reward; a voided one cannot be approved, an approved one not voided', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const voidMe = await friendReward(await referred(code, { customer: { id: kit.id('friend') } }));
    const voided = await kit.admin(`/v1/admin/rewards/${voidMe.id}/void`, { method: 'POST' });
    expect(await voided.json()).toMatchObject({ id: voidMe.id, status: 'voided', coupon: null });
    await expectError(
      await kit.admin(`/v1/admin/rewards/${voidMe.id}/approve`, { method: 'POST' }),
      409,
      'reward_voided',
    );
    const keep = await friendReward(await referred(code, { customer: { id: kit.id('friend') } }));
    await kit.admin(`/v1/admin/rewards/${keep.id}/approve`, { method: 'POST' });
    const error = await expectError(
      await kit.admin(`/v1/admin/rewards/${keep.id}/void`, { method: 'POST' }),
      409,
      'reward_approved',
    );
    expect(error.message).toMatch(/THANKS-/);
    await expectError(
      await kit.admin('/v1/admin/rewards/rwd_NoSuchReward00/approve', { method: 'POST' }),
      404,
      'reward_not_found',
    );
    const bad = await expectError(
      await kit.admin('/v1/admin/rewards/nope/void', { method: 'POST' }),
      400,
      'invalid_request',
    );
    expect(bad.issues?.[0]?.path).toBe('id');
  });

  it('refunds an order: voids its pending rewards, keeps approved ones, answers the same again', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const ben = kit.id('visitor');
    const coupon = await kit.claim(code, ben);
    const orderId = await referred(code, { visitor: ben, coupon });
    const rewards = (await get<Page<Reward>>(`/v1/admin/rewards?order=${orderId}`)).items;
    const offer = rewards.find((r) => r.kind === 'offer');
    const friend = rewards.find((r) => r.kind === 'friend');
    expect(offer?.status).toBe('approved');

    const response = await kit.admin(`/v1/admin/orders/${orderId}/refund`, { method: 'POST' });
    const refund = await response.json();
    expect(refund).toEqual({
      orderId,
      status: 'refunded',
      refundedAt: new Date(kit.clock.now).toISOString(),
      voided: [friend?.id],
      kept: [offer?.id],
    });
    kit.clock.advance(1000);
    expect(
      await (await kit.admin(`/v1/admin/orders/${orderId}/refund`, { method: 'POST' })).json(),
    ).toEqual(refund);
    // The order says so when posted again, and its reward is never approved.
    const replay = await kit.convert({ orderId, amount: 30, currency: 'EUR', ref: code }, 'server');
    expect(await replay.json()).toMatchObject({ status: 'refunded', verified: true });
    kit.clock.advance(30 * DAY_MS);
    expect((await friendReward(orderId)).status).toBe('voided');
    await expectError(
      await kit.admin('/v1/admin/orders/no-such-order/refund', { method: 'POST' }),
      404,
      'order_not_found',
    );
  });

  it('lists referral codes with their friends, and the top advocates', async () => {
    const names = ['Top', 'Second', 'Quiet'];
    const codes: string[] = [];
    for (const name of names) {
      const customer = {
        id: kit.id(name.toLowerCase()),
        name,
        email: `${kit.id('m')}@example.com`,
      };
      codes.push((await kit.referral(customer)).code);
      kit.clock.advance(1000);
    }
    for (let i = 0; i < 3; i++)
      await referred(codes[0] as string, { customer: { id: kit.id('f') } });
    const second = await referred(codes[1] as string, { customer: { id: kit.id('f') } });
    await kit.admin(`/v1/admin/rewards/${(await friendReward(second)).id}/approve`, {
      method: 'POST',
    });

    const { items: referrals } = await get<
      Page<{ code: string; friends: number; conversions: number; customer: { name: string } }>
    >('/v1/admin/referrals?limit=3');
    expect(referrals.map((r) => [r.customer.name, r.friends, r.conversions])).toEqual([
      ['Quiet', 0, 0],
      ['Second', 1, 1],
      ['Top', 3, 3],
    ]);
    const { items: advocates } = await get<{ items: Array<Record<string, unknown>> }>(
      '/v1/admin/advocates?limit=100',
    );
    const ours = advocates.filter((a) => codes.includes(a.code as string));
    expect(ours).toEqual([
      expect.objectContaining({
        code: codes[0],
        friends: 3,
        approvedRewards: 0,
        pendingRewards: 4,
      }),
      expect.objectContaining({
        code: codes[1],
        friends: 1,
        approvedRewards: 1,
        pendingRewards: 0,
      }),
    ]);
    expect(ours[0]?.customer).toEqual({
      id: expect.stringMatching(/^top_/),
      name: 'Top',
      email: expect.any(String),
    });
    // Advocates are ordered by friends across the whole site.
    const friends = advocates.map((a) => a.friends as number);
    expect(friends).toEqual([...friends].sort((a, b) => b - a));
  });
});
