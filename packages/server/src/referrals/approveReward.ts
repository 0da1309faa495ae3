import type { Kysely } from 'kysely';
import { issueCoupon } from '../coupons/issueCoupon.js';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { isPostgres } from './isPostgres.js';
import { type RewardRow, rewardCouponSource } from './rewardRows.js';

/**
 * The reward `id` of the site, locked for the rest of the transaction on PostgreSQL so
 * that an approval, a void and a refund of it happen one after the other; undefined
 * when there is none.
 */
export async function lockReward(
  trx: Kysely<VouchTables>,
  siteId: string,
  id: string,
): Promise<RewardRow | undefined> {
  let query = trx
    .selectFrom('rewards')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('id', '=', id);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Approves a pending or flagged reward inside the caller's transaction, issuing its
 * coupon there too (holder `reward:<id>`), so a reward never gets two coupons and a
 * coupon is never taken for a reward that did not end up approved. An approved reward
 * is returned as it is; a voided one is 409 `reward_voided`; an empty pool is 409
 * `coupons_exhausted` and changes nothing. Call it with the row from {@link lockReward}.
 */
export async function approveReward(
  trx: Kysely<VouchTables>,
  row: RewardRow,
  at: string,
): Promise<RewardRow> {
  if (row.status === 'approved') return row;
  if (row.status === 'voided') {
    throw new ApiError(
      409,
      'reward_voided',
      `The reward ${row.id} was voided; it cannot be approved.`,
    );
  }
  let coupon = row.coupon;
  const source = rewardCouponSource(row);
  if (coupon === null && source !== null) {
    coupon = await issueCoupon(trx, row.site_id, source, `reward:${row.id}`);
    if (coupon === null) {
      const pool = 'pool' in source ? source.pool : '';
      throw new ApiError(
        409,
        'coupons_exhausted',
        `The coupon pool "${pool}" has no free code left: upload more, then approve again.`,
      );
    }
  }
  return trx
    .updateTable('rewards')
    .set({ status: 'approved', coupon, decided_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
