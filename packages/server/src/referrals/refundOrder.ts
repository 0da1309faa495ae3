import type { RefundResult } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { lockConversion } from './conversionRows.js';

/**
 * Marks an order refunded and voids its pending and flagged rewards, in the caller's
 * transaction. Approved rewards stay (they are final) and are listed as `kept`. Calling
 * it again answers the same. An unknown order is 404 `order_not_found`.
 */
export async function refundOrder(
  trx: Kysely<VouchTables>,
  siteId: string,
  orderId: string,
  at: string,
): Promise<RefundResult> {
  const conversion = await lockConversion(trx, siteId, orderId);
  if (!conversion) {
    throw new ApiError(404, 'order_not_found', `No conversion has the order id ${orderId}.`);
  }
  let refundedAt = conversion.refunded_at;
  if (refundedAt === null) {
    refundedAt = at;
    await trx
      .updateTable('conversions')
      .set({ status: 'refunded', refunded_at: at })
      .where('site_id', '=', siteId)
      .where('order_id', '=', orderId)
      .execute();
    await trx
      .updateTable('rewards')
      .set({ status: 'voided', decided_at: at })
      .where('site_id', '=', siteId)
      .where('order_id', '=', orderId)
      .where('status', 'in', ['pending', 'review'])
      .execute();
  }
  const rewards = await trx
    .selectFrom('rewards')
    .select(['id', 'status'])
    .where('site_id', '=', siteId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return {
    orderId,
    status: 'refunded',
    refundedAt,
    voided: rewards.filter((r) => r.status === 'voided').map((r) => r.id),
    kept: rewards.filter((r) => r.status === 'approved').map((r) => r.id),
  };
}
