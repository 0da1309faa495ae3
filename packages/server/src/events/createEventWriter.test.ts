import type { VouchEvent } from '@vouch/core/schemas';
import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createRateLimiter } from '../rateLimit/createRateLimiter.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { pageEvent } from '../testing/startTestApp.js';
import { createEventWriter, type EventCommit } from './createEventWriter.js';

describeDatabases('createEventWriter', (harness) => {
  let database: VouchDatabase;
  let siteId: string;
  beforeAll(async () => {
    database = await harness.open();
    siteId = (await createSite(database, { name: 'Writer', origins: [] })).site.id;
  });
  const event = () => pageEvent('https://writer.example') as VouchEvent;
  /** The ids of `events` that are stored, sorted. */
  async function storedOf(events: readonly VouchEvent[]): Promise<string[]> {
    const rows = await database.db
      .selectFrom('events')
      .select('id')
      .where(
        'id',
        'in',
        events.map((e) => e.id),
      )
      .execute();
    return rows.map((r) => r.id).sort();
  }

  it('writes the requests that arrive together in one transaction', async () => {
    const commits: EventCommit[] = [];
    const writer = createEventWriter({ database, now: Date.now, onCommit: (c) => commits.push(c) });
    const batches = Array.from({ length: 30 }, () => [event(), event()]);
    const results = await Promise.all(batches.map((events) => writer.write({ siteId, events })));
    expect(results.every((r) => r.status === 'stored' && r.stored === 2)).toBe(true);
    expect(commits).toEqual([{ requests: 30, rows: 60, stored: 60 }]);
  });

  it('queues what arrives during a commit for the next one', async () => {
    const commits: EventCommit[] = [];
    const writer = createEventWriter({ database, now: Date.now, onCommit: (c) => commits.push(c) });
    const first = writer.write({ siteId, events: [event()] });
    await new Promise((resolve) => setImmediate(resolve));
    const later = [
      writer.write({ siteId, events: [event()] }),
      writer.write({ siteId, events: [event()] }),
    ];
    await Promise.all([first, ...later]);
    // The first commit had begun: the later two could not join it, and went together.
    expect(commits.map((c) => c.requests)).toEqual([1, 2]);
  });

  it('fails the whole group when its transaction fails, and writes the next group', async () => {
    const writer = createEventWriter({ database, now: Date.now });
    const good = event();
    const failing = [
      writer.write({ siteId, events: [good] }),
      // No such site: the foreign key fails the transaction, and with it the group.
      writer.write({ siteId: 'site_missing', events: [event()] }),
    ];
    const outcomes = await Promise.allSettled(failing);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    const stored = await database.db
      .selectFrom('events')
      .select('id')
      .where('id', '=', good.id)
      .execute();
    expect(stored).toEqual([]);
    expect(await writer.write({ siteId, events: [good] })).toEqual({
      status: 'stored',
      received: 1,
      stored: 1,
    });
  });

  it('counts each request against its bucket in the same transaction, storing only the allowed', async () => {
    const rateLimiter = createRateLimiter({ limit: 2, windowSeconds: 60 });
    const writer = createEventWriter({ database, rateLimiter, now: () => 1_000_000_000_000 });
    const events = [event(), event(), event()];
    const results = await Promise.all(
      events.map((e) => writer.write({ siteId, bucket: 'writer-test', events: [e] })),
    );
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'rate_limited']);
    expect(results[2]).toEqual({ status: 'rate_limited', retryAfter: 20 });
    expect(await storedOf(events)).toEqual([events[0]?.id, events[1]?.id].sort());
  });

  it('shares a group among buckets in order, and writes an unlimited request beside them', async () => {
    const rateLimiter = createRateLimiter({ limit: 2, windowSeconds: 60 });
    const commits: EventCommit[] = [];
    const writer = createEventWriter({
      database,
      rateLimiter,
      now: () => 1_000_000_060_000,
      onCommit: (c) => commits.push(c),
    });
    const buckets = ['share-a', 'share-b', 'share-a', 'share-a', undefined, 'share-b', 'share-b'];
    const events = buckets.map(() => [event(), event()]);
    const results = await Promise.all(
      buckets.map((bucket, i) => writer.write({ siteId, bucket, events: events[i] ?? [] })),
    );
    expect(results.map((r) => r.status)).toEqual([
      'stored',
      'stored',
      'stored',
      'rate_limited',
      'stored',
      'stored',
      'rate_limited',
    ]);
    expect(commits).toEqual([{ requests: 7, rows: 10, stored: 10 }]);
    const allowed = events.filter((_, i) => results[i]?.status === 'stored').flat();
    expect(await storedOf(events.flat())).toEqual(allowed.map((e) => e.id).sort());
  });

  it('counts nothing and stores nothing when a limited group fails', async () => {
    const rateLimiter = createRateLimiter({ limit: 5, windowSeconds: 60 });
    const now = () => 1_000_000_120_000;
    const writer = createEventWriter({ database, rateLimiter, now });
    const good = event();
    const outcomes = await Promise.allSettled([
      writer.write({ siteId, bucket: 'failing-group', events: [good] }),
      writer.write({ siteId: 'site_missing', bucket: 'failing-group', events: [event()] }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await storedOf([good])).toEqual([]);
    const counted = await database.db
      .selectFrom('rate_limits')
      .select('count')
      .where('bucket', '=', 'failing-group')
      .execute();
    expect(counted).toEqual([]);
    // The connection is usable, and the count starts from nothing.
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        writer.write({ siteId, bucket: 'failing-group', events: [event()] }),
      ),
    );
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(5);
  });

  it('stores each id once when two instances write the same ids at once, in either order', async () => {
    const other = harness.connect(harness.options);
    const [first, second] = [database, other].map((db) =>
      createEventWriter({ database: db, now: Date.now }),
    );
    for (let round = 0; round < 6; round++) {
      // Batches long enough that the two transactions overlap, which in opposite key
      // order would deadlock on PostgreSQL.
      const events = Array.from({ length: 100 }, () => event());
      const reversed = [...events].reverse();
      const results = await Promise.all([
        first?.write({ siteId, events }),
        second?.write({ siteId, events: reversed }),
        ...events.map((e) => first?.write({ siteId, events: [e] })),
        ...reversed.map((e) => second?.write({ siteId, events: [e] })),
      ]);
      const stored = results.reduce((n, r) => n + (r?.status === 'stored' ? r.stored : 0), 0);
      expect(stored).toBe(100);
      expect(await storedOf(events)).toEqual(events.map((e) => e.id).sort());
    }
  });
});
