import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../createApp.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { type RunningServer, startServer } from '../startServer.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { DAY_MS, type ReferralKit, startReferralKit, testProgram } from '../testing/referralKit.js';
import { approveDueRewards } from './approveDueRewards.js';
import { startRewardSweep } from './startRewardSweep.js';

describeDatabases('referrals with two server instances on one database', (harness) => {
  let first: VouchDatabase;
  let second: VouchDatabase;
  let kit: ReferralKit;
  let other: RunningServer;
  beforeAll(async () => {
    first = await harness.open();
    second = harness.connect();
    kit = await startReferralKit(first);
    // The second instance: its own connections, the same site, the same clock.
    const app = createApp({
      db: second,
      scriptDir: kit.test.scripts.dir,
      rateLimit: false,
      siteCacheMs: 0,
      now: () => kit.clock.now,
    });
    other = await startServer({ app, port: 0, hostname: '127.0.0.1' });
  });
  afterAll(async () => {
    await other.close();
    await kit.close();
  });

  /** A browser POST to instance `i` (0: the kit's, 1: the other). */
  function post(i: number, path: string, body: Record<string, unknown>, secret = false) {
    const base = i % 2 === 0 ? kit.test.url : other.url;
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: secret
        ? { authorization: `Bearer ${kit.test.created.secretKey}` }
        : { origin: kit.test.origin },
      body: JSON.stringify(secret ? body : { site: kit.test.created.publicKey, ...body }),
    });
  }

  async function rewardRows(where: { orderId?: string; code?: string }) {
    let query = first.db.selectFrom('rewards').selectAll();
    if (where.orderId) query = query.where('order_id', '=', where.orderId);
    if (where.code) query = query.where('code', '=', where.code);
    return query.execute();
  }

  it('gives concurrent first referral requests on both instances one code', async () => {
    const customer = { id: kit.id('ada') };
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(i, '/v1/referrals', { customer })),
    );
    const codes = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { code: string }).code),
    );
    expect(new Set(codes).size).toBe(1);
  });

  it("gives one visitor's concurrent claims on both instances one coupon", async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const visitor = kit.id('visitor');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(i, `/v1/referrals/${code}/coupon`, { visitor })),
    );
    const coupons = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { coupon: string }).coupon),
    );
    expect(new Set(coupons).size).toBe(1);
    expect(coupons[0]).toMatch(/^FRIENDS-/);
  });

  it('records one order posted twenty times at once once, with one reward of each kind', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const visitor = kit.id('visitor');
    const coupon = await kit.claim(code, visitor);
    const body = {
      orderId: kit.id('order'),
      amount: 42.5,
      currency: 'EUR',
      ref: code,
      visitor,
      coupon,
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i, '/v1/conversions', body, i % 5 === 0)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const answers = await Promise.all(responses.map((r) => r.json()));
    // Whichever came first, the order is one conversion; the secret key verified it.
    for (const answer of answers)
      expect(answer).toMatchObject({ orderId: body.orderId, status: 'attributed', ref: code });
    const rows = await first.db
      .selectFrom('conversions')
      .selectAll()
      .where('order_id', '=', body.orderId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.verified).toBe(1);
    expect((await rewardRows({ orderId: body.orderId })).map((r) => r.kind).sort()).toEqual([
      'friend',
      'offer',
    ]);
  });

  it('counts friends one at a time: concurrent orders through one code hit each milestone once', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i, '/v1/conversions', {
          orderId: kit.id('order'),
          amount: 30,
          currency: 'EUR',
          ref: code,
          customer: { id: kit.id('friend') },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const rewards = await rewardRows({ code });
    expect(rewards.filter((r) => r.kind === 'friend')).toHaveLength(10);
    expect(rewards.filter((r) => r.kind === 'milestone:3')).toHaveLength(3);
  });

  it('never issues one coupon twice when both instances approve at once, and waits when the pool is empty', async () => {
    await kit.uploadCoupons('race', 6);
    await kit.setProgram(
      testProgram({
        referrerReward: {
          value: { kind: 'amount', amount: 5, currency: 'EUR' },
          coupon: { pool: 'race' },
        },
        milestones: [],
      }),
    );
    try {
      const { code } = await kit.referral({ id: kit.id('ada') });
      const orders: string[] = [];
      for (let i = 0; i < 8; i++) {
        const orderId = kit.id('order');
        orders.push(orderId);
        const body = {
          orderId,
          amount: 30,
          currency: 'EUR',
          ref: code,
          customer: { id: kit.id('friend') },
        };
        expect((await post(i, '/v1/conversions', body, true)).status).toBe(200);
      }
      kit.clock.advance(14 * DAY_MS);
      const sweeps = await Promise.all(
        [first, second, first, second].map((database) =>
          approveDueRewards(database.db, { now: kit.clock.now, siteId: kit.test.created.site.id }),
        ),
      );
      // Two rewards found the pool empty; the sweeps that saw them said so.
      expect(sweeps.some((s) => s.waiting === 2)).toBe(true);
      const rewards = (await rewardRows({ code })).filter((r) => r.kind === 'friend');
      const approved = rewards.filter((r) => r.status === 'approved');
      expect(approved).toHaveLength(6);
      expect(new Set(approved.map((r) => r.coupon)).size).toBe(6);
      expect(rewards.filter((r) => r.status === 'pending')).toHaveLength(2);
      const issued = await first.db
        .selectFrom('coupons')
        .select(['code', 'issued_to'])
        .where('pool', '=', 'race')
        .where('issued_to', 'is not', null)
        .execute();
      expect(issued.map((c) => c.code).sort()).toEqual(approved.map((r) => r.coupon).sort());
      expect(issued.map((c) => c.issued_to).sort()).toEqual(
        approved.map((r) => `reward:${r.id}`).sort(),
      );

      // A refill lets the waiting ones through, each with its own coupon.
      await kit.uploadCoupons('race', 2);
      const after = await approveDueRewards(second.db, { now: kit.clock.now });
      expect(after.approved).toBe(2);
    } finally {
      await kit.setProgram(testProgram());
    }
  });

  it('approves due rewards periodically when the server is given a sweep', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const orderId = kit.id('order');
    await post(0, '/v1/conversions', { orderId, amount: 30, currency: 'EUR', ref: code }, true);
    kit.clock.advance(14 * DAY_MS);
    const stop = startRewardSweep({ database: second, everyMs: 10, now: () => kit.clock.now });
    try {
      let status = 'pending';
      for (let i = 0; i < 200 && status !== 'approved'; i++) {
        await sleep(10);
        status = (await rewardRows({ orderId })).find((r) => r.kind === 'friend')?.status ?? '';
      }
      expect(status).toBe('approved');
    } finally {
      await stop();
    }
  });
});
