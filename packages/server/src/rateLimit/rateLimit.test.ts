import { afterEach, beforeAll, expect, it } from 'vitest';
import { createApp } from '../createApp.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { startServer } from '../startServer.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { pageEvent, postEvents, startTestApp, type TestApp } from '../testing/startTestApp.js';
import { createRateLimiter } from './createRateLimiter.js';

// A fixed clock 15 s into a minute, so that a window cannot end halfway through a test.
const NOW = Date.UTC(2030, 0, 1, 12, 0, 15);

describeDatabases('rate limiting', (harness) => {
  let database: VouchDatabase;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    database = await harness.open();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  async function start(clock: () => number, trustProxy = false) {
    const test = await startTestApp(database, {
      rateLimit: { limit: 3, windowSeconds: 60 },
      now: clock,
      trustProxy,
    });
    apps.push(test);
    return test;
  }
  const send = (test: TestApp, headers: Record<string, string> = {}) =>
    postEvents(test, { site: test.created.publicKey, events: [pageEvent(test.origin)] }, headers);

  it('answers 429 with Retry-After past the limit, readable by the page, storing nothing', async () => {
    const test = await start(() => NOW);
    for (let i = 0; i < 3; i++) expect((await send(test)).status).toBe(200);
    const event = pageEvent(test.origin);
    const refused = await postEvents(test, { site: test.created.publicKey, events: [event] });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('access-control-allow-origin')).toBe(test.origin);
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.any(String) },
    });
    const stored = await database.db
      .selectFrom('events')
      .select('id')
      .where('id', '=', event.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('starts counting again in the next window', async () => {
    let now = NOW;
    const test = await start(() => now);
    for (let i = 0; i < 3; i++) await send(test);
    expect((await send(test)).status).toBe(429);
    now += 60_000;
    expect((await send(test)).status).toBe(200);
  });

  it('counts each client address apart behind a trusted proxy, by the address it appended', async () => {
    const test = await start(() => NOW, true);
    const from = (address: string) => ({ 'x-forwarded-for': `6.6.6.6, ${address}` });
    for (let i = 0; i < 3; i++) expect((await send(test, from('203.0.113.1'))).status).toBe(200);
    expect((await send(test, from('203.0.113.1'))).status).toBe(429);
    // The client's own first entry changes nothing; the proxy's does.
    expect((await send(test, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    expect((await send(test, from('203.0.113.2'))).status).toBe(200);
  });

  /** Two servers on two connections to this file's database, limited to `limit`. */
  async function twoInstances(origin: string, limit: number) {
    const shared = harness.options;
    const [first, second] = [harness.connect(shared), harness.connect(shared)];
    const created = await createSite(first, { name: 'Two', origins: [origin] });
    const servers = await Promise.all(
      [first, second].map((db) =>
        startServer({
          app: createApp({
            db,
            rateLimit: { limit, windowSeconds: 60 },
            now: () => NOW,
            scriptDir: '.',
          }),
          port: 0,
          hostname: '127.0.0.1',
        }),
      ),
    );
    return {
      siteId: created.site.id,
      /** Sends one event to the `i`-th request's server, alternating between the two. */
      send: (i: number, event = pageEvent(origin)) =>
        fetch(`${servers[i % 2]?.url}/v1/events`, {
          method: 'POST',
          headers: { origin },
          body: JSON.stringify({ site: created.publicKey, events: [event] }),
        }),
      close: () => Promise.all(servers.map((s) => s.close())),
    };
  }

  it('holds one limit across two server instances on one database', async () => {
    const two = await twoInstances('https://two.example', 5);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await two.send(i)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    } finally {
      await two.close();
    }
  });

  it('holds one limit when two instances write at once, each in concurrent groups', async () => {
    const two = await twoInstances('https://busy.example', 15);
    try {
      const events = Array.from({ length: 40 }, () => pageEvent('https://busy.example'));
      const responses = await Promise.all(events.map((event, i) => two.send(i, event)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(15);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      const stored = await database.db
        .selectFrom('events')
        .select('id')
        .where('site_id', '=', two.siteId)
        .execute();
      const allowed = events.filter((_, i) => statuses[i] === 200).map((e) => e.id);
      expect(stored.map((r) => r.id).sort()).toEqual(allowed.sort());
    } finally {
      await two.close();
    }
  });

  it('shares the places of one group among its requests in order, and prunes ended windows', async () => {
    const limiter = createRateLimiter({ limit: 2, windowSeconds: 10 });
    const at = NOW + 3_000;
    await database.db
      .insertInto('rate_limits')
      .values({ bucket: 'stale', window_start: NOW - 3_600_000, count: 9 })
      .execute();
    const verdicts = await limiter.consume(database.db, ['a', 'b', 'a', 'a', 'b'], at);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, true]);
    expect(verdicts[0]?.retryAfter).toBe(2);
    const stale = await database.db
      .selectFrom('rate_limits')
      .select('bucket')
      .where('bucket', '=', 'stale')
      .execute();
    expect(stale).toEqual([]);
    expect((await limiter.consume(database.db, ['b'], at))[0]?.allowed).toBe(false);
  });
});
