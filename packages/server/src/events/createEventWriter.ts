import type { VouchEvent } from '@vouch/core/schemas';
import type { Insertable } from 'kysely';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { EventsTable } from '../db/schema.js';
import type { RateLimiter } from '../rateLimit/createRateLimiter.js';
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

// 8 columns a row: 500 rows stay far below SQLite's and PostgreSQL's parameter limits.
const ROWS_PER_STATEMENT = 500;

interface Pending extends EventWrite {
  resolve(result: EventWriteResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit. Requests that arrive while a commit is under way (or in the same turn of
 * the event loop) are written together in the next transaction: their rate-limit counts,
 * then their events with `ON CONFLICT DO NOTHING`, so a repeated id is acknowledged and
 * stored once. Each request is answered only after that transaction has committed, and
 * the cost of a durable commit is shared by everyone in the group. One commit at a time
 * per writer; a failure fails every request of its group and none of the next.
 */
export function createEventWriter(options: EventWriterOptions): EventWriter {
  const { database, rateLimiter, now, onCommit } = options;
  let queue: Pending[] = [];
  let busy = false;

  function schedule() {
    if (busy) return;
    busy = true;
    setImmediate(flush);
  }

  async function flush() {
    const group = queue;
    queue = [];
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
      busy = false;
      if (queue.length) schedule();
    }
  }

  async function commit(group: readonly Pending[]): Promise<EventWriteResult[]> {
    const at = now();
    const receivedAt = new Date(at).toISOString();
    let stored = 0;
    let rowCount = 0;
    const results = await database.db.transaction().execute(async (trx) => {
      const limited = rateLimiter
        ? group.flatMap((pending) => (pending.bucket ? [{ pending, bucket: pending.bucket }] : []))
        : [];
      const verdicts = rateLimiter
        ? await rateLimiter.consume(
            trx,
            limited.map((l) => l.bucket),
            at,
          )
        : [];
      const refused = new Map<Pending, number>();
      limited.forEach(({ pending }, i) => {
        const verdict = verdicts[i];
        if (verdict && !verdict.allowed) refused.set(pending, verdict.retryAfter);
      });
      const rows: Insertable<EventsTable>[] = [];
      for (const pending of group) {
        if (refused.has(pending)) continue;
        for (const event of pending.events)
          rows.push(toEventRow(pending.siteId, event, receivedAt));
      }
      rowCount = rows.length;
      const inserted = new Set<string>();
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const written = await trx
          .insertInto('events')
          .values(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
          .returning(['site_id', 'id'])
          .execute();
        for (const row of written) inserted.add(`${row.site_id} ${row.id}`);
      }
      // An id sent twice in one group is stored once: the first request to carry it
      // is told it stored it, the others that it was already there.
      return group.map((pending): EventWriteResult => {
        const retryAfter = refused.get(pending);
        if (retryAfter !== undefined) return { status: 'rate_limited', retryAfter };
        let count = 0;
        for (const event of pending.events) {
          if (inserted.delete(`${pending.siteId} ${event.id}`)) count++;
        }
        stored += count;
        return { status: 'stored', received: pending.events.length, stored: count };
      });
    });
    onCommit?.({ requests: group.length, rows: rowCount, stored });
    return results;
  }

  return {
    write(request) {
      return new Promise<EventWriteResult>((resolve, reject) => {
        queue.push({ ...request, resolve, reject });
        schedule();
      });
    },
  };
}
