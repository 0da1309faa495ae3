import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import type { RewardRow } from './rewardRows.js';

/**
 * Voids a pending or flagged reward in the caller's transaction (with the row from
 * `lockReward`). A voided one is returned as it is. An approved reward is final — its
 * coupon is out in the world — so voiding it is 409 `reward_approved` rather than a
 * quiet change: the merchant deactivates the coupon in the shop instead.
 */
export async function voidReward(
  trx: Kysely<VouchTables>,
  row: RewardRow,
  at: string,
): Promise<RewardRow> {
  if (row.status === 'voided') return row;
  if (row.status === 'approved') {
    const coupon = row.coupon ? ` with coupon ${row.coupon}` : '';
    throw new ApiError(
      409,
      'reward_approved',
      `The reward ${row.id} was already approved${coupon}; approved rewards are final. ` +
        'Deactivate its coupon in the shop if it must not be used.',
    );
  }
  return trx
    .updateTable('rewards')
    .set({ status: 'voided', decided_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
