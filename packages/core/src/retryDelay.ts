/** Options of {@link retryDelay}. */
export interface RetryDelayOptions {
  /** Delay scale of the first retry, in ms. @default 1000 */
  baseMs?: number;
  /** Longest delay, in ms. @default 300000 (5 minutes) */
  maxMs?: number;
}

/**
 * Exponential backoff with full jitter: a delay drawn evenly from
 * `[0, min(maxMs, baseMs * 2^attempt))`, so that many clients coming back after an
 * outage spread out instead of arriving together. `attempt` counts from 0.
 */
export function retryDelay(attempt: number, random: () => number, options: RetryDelayOptions = {}) {
  const { baseMs = 1000, maxMs = 300_000 } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * A `Retry-After` header value (delay in seconds, or an HTTP date) as a delay in ms
 * from `now`, or `undefined` when it is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday and month; this keeps "-5" from parsing as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
