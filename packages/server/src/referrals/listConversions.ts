import {
  type ConversionRecord,
  type conversionListQuerySchema,
  fromMinor,
} from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import type { VouchTables } from '../db/schema.js';
import { DEFAULT_PAGE, decodeCursor, toPage } from './adminCursor.js';
import { conversionReasons } from './conversionRows.js';

type Query = z.output<typeof conversionListQuerySchema>;

/** `GET /v1/admin/conversions`: newest first, filtered, a page at a time. */
export async function listConversions(db: Kysely<VouchTables>, siteId: string, query: Query) {
  const limit = query.limit ?? DEFAULT_PAGE;
  const cursor = decodeCursor(query.cursor);
  let select = db
    .selectFrom('conversions as c')
    .leftJoin('customers as buyer', 'buyer.id', 'c.customer_id')
    .selectAll('c')
    .select('buyer.merchant_id')
    .where('c.site_id', '=', siteId);
  if (query.status) select = select.where('c.status', '=', query.status);
  if (query.code) select = select.where('c.code', '=', query.code);
  if (query.customer) select = select.where('buyer.merchant_id', '=', query.customer);
  if (query.verified) select = select.where('c.verified', '=', query.verified === 'true' ? 1 : 0);
  if (query.since) select = select.where('c.created_at', '>=', new Date(query.since).toISOString());
  if (query.until) select = select.where('c.created_at', '<', new Date(query.until).toISOString());
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('c.created_at', '<', cursor.createdAt),
        eb.and([eb('c.created_at', '=', cursor.createdAt), eb('c.order_id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('c.created_at', 'desc')
    .orderBy('c.order_id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (row) => ({ createdAt: row.created_at, id: row.order_id }),
    (row): ConversionRecord => ({
      orderId: row.order_id,
      amount: fromMinor(Number(row.amount_minor), row.currency),
      currency: row.currency,
      status: row.status as ConversionRecord['status'],
      verified: row.verified === 1,
      ref: row.code,
      coupon: row.coupon,
      customer: row.merchant_id,
      email: row.email,
      visitor: row.visitor,
      referrerDomain: row.referrer_domain,
      reasons: conversionReasons(row),
      createdAt: row.created_at,
      refundedAt: row.refunded_at,
    }),
  );
}
