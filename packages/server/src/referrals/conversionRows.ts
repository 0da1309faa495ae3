import type { ConversionResult, FraudReason } from '@vouch/core/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { ConversionsTable, VouchTables } from '../db/schema.js';
import { isPostgres } from './isPostgres.js';

export type ConversionRow = Selectable<ConversionsTable>;

/** The order `orderId` of the site, locked for the transaction on PostgreSQL. */
export async function lockConversion(
  trx: Kysely<VouchTables>,
  siteId: string,
  orderId: string,
): Promise<ConversionRow | undefined> {
  let query = trx
    .selectFrom('conversions')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('order_id', '=', orderId);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The answer to `POST /v1/conversions` for a stored conversion. */
export function toConversionResult(row: ConversionRow): ConversionResult {
  return {
    orderId: row.order_id,
    status: row.status as ConversionResult['status'],
    ref: row.code,
    verified: row.verified === 1,
  };
}

/** The stored fraud reasons of a conversion. */
export function conversionReasons(row: Pick<ConversionRow, 'reasons'>): FraudReason[] {
  return JSON.parse(row.reasons) as FraudReason[];
}
