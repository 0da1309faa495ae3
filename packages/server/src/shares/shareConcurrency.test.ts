import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../createApp.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { type RunningServer, startServer } from '../startServer.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { type ReferralKit, startReferralKit } from '../testing/referralKit.js';
import { shareProgramFixture } from '../testing/shareProgramFixture.js';

describeDatabases('share rewards with two server instances on one database', (harness) => {
  let first: VouchDatabase;
  let second: VouchDatabase;
  let kit: ReferralKit;
  let other: RunningServer;
  beforeAll(async () => {
    first = await harness.open();
    second = harness.connect();
    kit = await startReferralKit(first);
    const response = await kit.admin('/v1/admin/share-program', {
      method: 'PUT',
      body: JSON.stringify(shareProgramFixture()),
    });
    expect(response.status).toBe(200);
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

  /** A browser POST to instance `i` (even: the kit's, odd: the other). */
  function post(i: number, path: string, body: Record<string, unknown>) {
    const base = i % 2 === 0 ? kit.test.url : other.url;
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { origin: kit.test.origin },
      body: JSON.stringify({ site: kit.test.created.publicKey, ...body }),
    });
  }

  it("grants one reward and one coupon when many friends' first visits arrive at once", async () => {
    const ada = kit.verified({ id: kit.id('ada') });
    const { code } = await kit.referral(ada, kit.id('v'));
    const friends = Array.from({ length: 12 }, () => kit.id('friend'));
    const responses = await Promise.all(
      friends.map((visitor, i) =>
        post(i, '/v1/shares/visits', { code, channel: i % 3 ? 'x' : 'whatsapp', visitor }),
      ),
    );
    for (const response of responses) {
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toEqual({ counted: true });
    }
    // The same friend twice at once, on both instances: one visit.
    const twice = await Promise.all(
      [0, 1].map((i) =>
        post(i, '/v1/shares/visits', { code, channel: 'x', visitor: friends[0] as string }),
      ),
    );
    expect(twice.map((r) => r.status)).toEqual([200, 200]);

    const rewards = await first.db.selectFrom('share_rewards').selectAll().execute();
    const granted = rewards.filter((row) => row.campaign === 'spring');
    expect(granted).toHaveLength(1);
    // Granted, waiting for its verified owner to read it, who then gets one coupon.
    expect(granted[0]).toMatchObject({ status: 'pending', trigger: 'visit', coupon: null });
    await Promise.all([kit.referral(ada), kit.referral(ada)]);
    const mine = await first.db
      .selectFrom('share_rewards')
      .selectAll()
      .where('campaign', '=', 'spring')
      .execute();
    expect(mine[0]).toMatchObject({ status: 'approved', trigger: 'visit' });
    const coupons = await first.db
      .selectFrom('coupons')
      .select('code')
      .where('issued_to', '=', `reward:${mine[0]?.id}`)
      .execute();
    expect(coupons.map((c) => c.code)).toEqual([mine[0]?.coupon]);
    const visits = await first.db
      .selectFrom('share_visits')
      .select('visitor')
      .where('code', '=', code)
      .execute();
    expect(visits).toHaveLength(12);
    const { rewards: seen } = await kit.referral(ada);
    expect(seen.filter((r) => r.reason === 'share')).toHaveLength(1);
  });
});
