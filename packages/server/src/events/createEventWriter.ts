import type { VouchEvent } from '@vouch/core/schemas';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { RateLimiter } from '../rateLimit/createRateLimiter.js';
import { createEventStore } from './createEventStore.js';
import { toEventRow } from './toEventRow.js';

/** One request's validated batch. */
export interface EventWrite {
  siteId: string;
  /** Rate-limit bucket of the request; none when the caller is not limited. */
  bucket?: string | undefined;
  events: readonly VouchEvent[];
}

/** What happened to one request's batch, once it is durable. */
export type EventWriteResult =
  | { status: 'stored'; received: number; stored: number }
  | { status: 'rate_limited'; retryAfter: number };

/** What one commit carried, for measurements and tests. */
export interface EventCommit {
  requests: number;
  rows: number;
  stored: number;
}

export interface EventWriterOptions {
  database: VouchDatabase;
  /** Counts each request in the same transaction; none means no limit. */
  rateLimiter?: RateLimiter | undefined;
  now: () => number;
  /** Called after each commit. */
  onCommit?: ((commit: EventCommit) => void) | undefined;
}

export interface EventWriter {
  /** Resolves after the transaction holding this batch has committed. */
  write(request: EventWrite): Promise<EventWriteResult>;
}

interface Pending extends EventWrite {
  resolve(result: EventWriteResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit. Requests that arrive while a commit is under way (or in the same turn of
 * the event loop) are written together in the next transaction: their rate-limit counts,
 * then their events with `ON CONFLICT DO NOTHING`, so a repeated id is acknowledged and
 * stored once. Each request is answered only after that transaction has committed, and
 * the cost of a durable commit is shared by everyone in the group. As many commits at a
 * time as the engine's store takes (one on SQLite); a failure fails every request of its
 * group and none of another.
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { rateLimiter, now, onCommit } = options;
  const store = createEventStore(options.database);
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || inFlight >= store.concurrency) return;
    scheduled = true;
    setImmediate(flush);
  }

  async function flush() {
    scheduled = false;
    const group = queue;
    queue = [];
    if (!group.length) return;
    inFlight++;
    try {
      const results = await commit(group);
      group.forEach((pending, i) => {
        const result = results[i];
        if (result) pending.resolve(result);
        else pending.reject(new Error('event write lost its result'));
      });
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      inFlight--;
      if (queue.length) schedule();
    }
  }

  async function commit(group: readonly Pending[]): Promise<EventWriteResult[]> {
    const at = now();
    const buckets: string[] = [];
    const requests = group.map((pending) => {
      const limitIndex =
        rateLimiter && pending.bucket ? buckets.push(pending.bucket) - 1 : undefined;
      return {
        limitIndex,
        rows: pending.events.map((event) => toEventRow(pending.siteId, event)),
      };
    });
    const rateLimit = rateLimiter && buckets.length ? rateLimiter.plan(buckets, at) : undefined;
    const outcome = await store.write({
      requests,
      rateLimit,
      receivedAt: new Date(at).toISOString(),
    });
    let rows = 0;
    let stored = 0;
    const results = group.map((pending, i): EventWriteResult => {
      const flags = outcome.stored[i];
      const index = requests[i]?.limitIndex;
      if (!flags) {
        const verdict = index === undefined ? undefined : outcome.verdicts[index];
        if (!verdict) throw new Error('event write lost its verdict');
        return { status: 'rate_limited', retryAfter: verdict.retryAfter };
      }
      const count = flags.filter(Boolean).length;
      rows += flags.length;
      stored += count;
      return { status: 'stored', received: pending.events.length, stored: count };
    });
    onCommit?.({ requests: group.length, rows, stored });
    return results;
  }

  return {
    write({ siteId, bucket, events }) {
      return new Promise<EventWriteResult>((resolve, reject) => {
        queue.push({ siteId, bucket, events, resolve, reject });
        schedule();
      });
    },
  };
}
