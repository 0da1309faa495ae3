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

/**
 * How one group of requests is counted: what to add to each bucket, and how to read the
 * verdicts back from the totals. For writers that run the counting themselves, in the
 * same transaction (or statement) as the writes it guards.
 */
export interface RateLimitPlan {
  /** Most requests one bucket may make in one window. */
  readonly limit: number;
  /** The requests' buckets, in order (a bucket may repeat). */
  readonly buckets: readonly string[];
  /** Epoch milliseconds at which the current window began: `rate_limits.window_start`. */
  readonly windowStart: number;
  /** Whole seconds until the window ends (at least 1): `Retry-After`. */
  readonly retryAfter: number;
  /**
   * One row per distinct bucket with the number of requests it counts, sorted by bucket:
   * one lock order for every instance, so two groups on PostgreSQL cannot deadlock.
   */
  readonly rows: readonly { bucket: string; count: number }[];
  /**
   * Per request (in the order given): its place is the bucket's new total plus this
   * offset, and it is allowed when that place is within the limit. The n requests of a
   * bucket hold the places total − n + 1 … total, in order.
   */
  readonly offsets: readonly number[];
  /** Whether windows that ended should be deleted now (about once a window). */
  readonly prune: boolean;
  /** The verdicts, in request order, from each bucket's total after counting. */
  verdicts(totals: ReadonlyMap<string, number>): RateLimitVerdict[];
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
  /**
   * What {@link RateLimiter.consume} would count, for a writer that runs the upsert
   * itself (`INSERT … ON CONFLICT DO UPDATE SET count = count + n RETURNING count` per
   * row). Marks the prune as done, so the caller must delete ended windows when asked.
   */
  plan(buckets: readonly string[], now: number): RateLimitPlan;
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

  function plan(buckets: readonly string[], now: number): RateLimitPlan {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    const wanted = new Map<string, number>();
    for (const bucket of buckets) wanted.set(bucket, (wanted.get(bucket) ?? 0) + 1);
    const rows = [...wanted]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([bucket, count]) => ({ bucket, count }));
    const seen = new Map<string, number>();
    const offsets = buckets.map((bucket) => {
      const index = (seen.get(bucket) ?? 0) + 1;
      seen.set(bucket, index);
      return index - (wanted.get(bucket) ?? 0);
    });
    const prune = buckets.length > 0 && now - lastPrune >= windowMs;
    if (prune) lastPrune = now;
    return {
      limit,
      buckets,
      windowStart,
      retryAfter,
      rows,
      offsets,
      prune,
      verdicts: (totals) =>
        buckets.map((bucket, i) => ({
          allowed: (totals.get(bucket) ?? 0) + (offsets[i] ?? 0) <= limit,
          retryAfter,
        })),
    };
  }

  async function consume(
    executor: Kysely<VouchTables>,
    buckets: readonly string[],
    now: number,
  ): Promise<RateLimitVerdict[]> {
    if (!buckets.length) return [];
    const counting = plan(buckets, now);
    const counted = await executor
      .insertInto('rate_limits')
      .values(
        counting.rows.map(({ bucket, count }) => ({
          bucket,
          window_start: counting.windowStart,
          count,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['bucket', 'window_start'])
          .doUpdateSet({ count: sql<number>`rate_limits.count + excluded.count` }),
      )
      .returning(['bucket', 'count'])
      .execute();
    if (counting.prune) {
      await executor
        .deleteFrom('rate_limits')
        .where('window_start', '<', counting.windowStart)
        .execute();
    }
    return counting.verdicts(new Map(counted.map(({ bucket, count }) => [bucket, Number(count)])));
  }

  return { limit, windowMs, consume, plan };
}
