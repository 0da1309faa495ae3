import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { approveReward, lockReward } from './approveReward.js';

/** Which due rewards {@link approveDueRewards} looks at. */
export interface DueRewardsScope {
  /** The clock, epoch ms. */
  now: number;
  siteId?: string;
  /** Only rewards of this customer (internal id). */
  customerId?: string;
  /** Only rewards of this order. */
  orderId?: string;
  /** Most rewards approved in one call. @default 500 */
  limit?: number;
}

/** What one sweep did. */
export interface DueRewardsReport {
  approved: number;
  /** Due, but their coupon pool is empty: they stay pending until it is refilled. */
  waiting: number;
}

/**
 * Approves pending rewards whose hold has ended and whose order is verified (recorded or
 * confirmed with the secret key) and not refunded, each in its own transaction with its
 * coupon. Unverified orders' rewards wait for a person. Safe to run from several
 * instances at once: a reward is locked while approved and approved once. Runs when
 * rewards are read or listed, and periodically when `startServer` is given a sweep, so
 * no timer is needed for correctness.
 */
export async function approveDueRewards(
  db: Kysely<VouchTables>,
  scope: DueRewardsScope,
): Promise<DueRewardsReport> {
  const at = new Date(scope.now).toISOString();
  let query = db
    .selectFrom('rewards as r')
    .innerJoin('conversions as c', (join) =>
      join.onRef('c.site_id', '=', 'r.site_id').onRef('c.order_id', '=', 'r.order_id'),
    )
    .select(['r.id', 'r.site_id'])
    .where('r.status', '=', 'pending')
    .where('r.approves_at', '<=', at)
    .where('c.verified', '=', 1)
    .where('c.status', '!=', 'refunded')
    .orderBy('r.approves_at')
    .limit(scope.limit ?? 500);
  if (scope.siteId) query = query.where('r.site_id', '=', scope.siteId);
  if (scope.customerId) query = query.where('r.customer_id', '=', scope.customerId);
  if (scope.orderId) query = query.where('r.order_id', '=', scope.orderId);
  const due = await query.execute();

  const report: DueRewardsReport = { approved: 0, waiting: 0 };
  for (const { id, site_id } of due) {
    try {
      const approved = await db.transaction().execute(async (trx) => {
        const row = await lockReward(trx, site_id, id);
        if (row?.status !== 'pending') return false;
        await approveReward(trx, row, at);
        return true;
      });
      if (approved) report.approved++;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'coupons_exhausted')) throw error;
      report.waiting++;
    }
  }
  return report;
}
