import type { RateLimitPlan, RateLimitVerdict } from '../rateLimit/createRateLimiter.js';
import type { EventRow } from './toEventRow.js';

/** One request of a group: its rows, and whether the rate limit counts it. */
export interface GroupRequest {
  rows: readonly EventRow[];
  /** Its place among the buckets the group's plan counts; none when it is not limited. */
  limitIndex?: number | undefined;
}

/** What one commit writes. */
export interface EventGroup {
  requests: readonly GroupRequest[];
  /** The counting of the limited requests, in `limitIndex` order; none when none is. */
  rateLimit?: RateLimitPlan | undefined;
  /** `received_at` of every row. */
  receivedAt: string;
}

/** What one commit did, once it is durable. */
export interface GroupOutcome {
  /** Per limited request, in `limitIndex` order. Empty without a plan. */
  verdicts: RateLimitVerdict[];
  /**
   * Per request, per row: whether this commit stored it (false: the id was there
   * already, or came earlier in the group). Undefined for a request the limit refused,
   * none of whose rows was written.
   */
  stored: (boolean[] | undefined)[];
}

/**
 * Writes a group of requests in one transaction — the rate-limit counting, then the
 * allowed requests' rows with a repeated id skipped — in as few round trips as the
 * engine allows, and resolves once the commit is durable. A failure writes nothing.
 */
export interface EventStore {
  /** Groups this store can have in flight at once. */
  readonly concurrency: number;
  write(group: EventGroup): Promise<GroupOutcome>;
}
