import type { Context } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientAddress } from '../http/clientAddress.js';
import type { RateLimiter } from '../rateLimit/createRateLimiter.js';

/** What {@link limitBrowserWrite} counts with. */
export interface BrowserWriteLimit {
  database: VouchDatabase;
  /** None: browser writes are not limited. */
  rateLimiter: RateLimiter | undefined;
  trustProxy: boolean;
  now: () => number;
}

/**
 * Counts a browser write against the same per-site, per-address budget as events, in
 * the database (so it holds across instances), and refuses it past the limit with 429
 * `rate_limited` and `Retry-After`. Counted before the write and committed on its own,
 * so a refused request still counts and a failed one cannot be retried for free.
 */
export async function limitBrowserWrite(
  c: Context<AppEnv>,
  siteId: string,
  limit: BrowserWriteLimit,
): Promise<void> {
  if (!limit.rateLimiter) return;
  const bucket = `write:${siteId}:${clientAddress(c, limit.trustProxy)}`;
  const [verdict] = await limit.rateLimiter.consume(limit.database.db, [bucket], limit.now());
  if (verdict && !verdict.allowed) {
    throw new ApiError(429, 'rate_limited', 'Too many requests; try again later.', {
      headers: { 'Retry-After': String(verdict.retryAfter) },
    });
  }
}
