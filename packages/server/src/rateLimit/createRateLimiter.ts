import { type Kysely, sql } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/** Fixed-window limits for browser writes, per site and client address. */
export interface RateLimitOptions {
  /**
   * Most requests one bucket may make in one window.
   * @default 600
   */
  limit?: number;
  /**
   * Length of a window.
   * @default 60
   */
  windowSeconds?: number;
}

/** The answer for one request. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** Whole seconds until the current window ends (at least 1): `Retry-After`. */
  retryAfter: number;
}

/** Counts requests in the database, so several server instances share one limit. */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Counts one request per entry of `buckets` (a bucket may repeat) and says which are
   * within the limit, in order. Run it inside the transaction that does the requests'
   * writes so that counting costs no commit of its own.
   */
  consume(
    executor: Kysely<VouchTables>,
    buckets: readonly string[],
    now: number,
  ): Promise<RateLimitVerdict[]>;
}

/**
 * A fixed-window counter per bucket in `rate_limits`: one atomic upsert for every bucket
 * of a group (`INSERT … ON CONFLICT DO UPDATE SET count = count + n RETURNING count`),
 * which both SQLite and PostgreSQL run without a race. The n requests of a bucket then
 * hold the places count − n + 1 … count, and those past the limit are refused. Windows
 * that have ended are deleted about once a window.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const limit = options.limit ?? 600;
  const windowMs = (options.windowSeconds ?? 60) * 1000;
  if (!(limit >= 1) || !(windowMs >= 1000)) {
    throw new RangeError('rateLimit needs limit ≥ 1 and windowSeconds ≥ 1');
  }
  let lastPrune = Number.NEGATIVE_INFINITY;

  async function consume(
    executor: Kysely<VouchTables>,
    buckets: readonly string[],
    now: number,
  ): Promise<RateLimitVerdict[]> {
    if (!buckets.length) return [];
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    const wanted = new Map<string, number>();
    for (const bucket of buckets) wanted.set(bucket, (wanted.get(bucket) ?? 0) + 1);
    // One lock order for every instance, so two groups on PostgreSQL cannot deadlock.
    const rows = [...wanted]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([bucket, count]) => ({ bucket, window_start: windowStart, count }));
    const counted = await executor
      .insertInto('rate_limits')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['bucket', 'window_start'])
          .doUpdateSet({ count: sql<number>`rate_limits.count + excluded.count` }),
      )
      .returning(['bucket', 'count'])
      .execute();
    const next = new Map<string, number>();
    for (const { bucket, count } of counted) {
      next.set(bucket, Number(count) - (wanted.get(bucket) ?? 0) + 1);
    }
    if (now - lastPrune >= windowMs) {
      lastPrune = now;
      await executor.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
    }
    return buckets.map((bucket) => {
      const place = next.get(bucket) ?? 1;
      next.set(bucket, place + 1);
      return { allowed: place <= limit, retryAfter };
    });
  }

  return { limit, windowMs, consume };
}
