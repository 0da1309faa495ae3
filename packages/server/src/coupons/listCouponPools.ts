import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import type { CouponPoolSummary } from '../schemas/couponSchemas.js';

/** Every coupon pool of a site, by name, with its counts (`GET /v1/admin/coupons`). */
export async function listCouponPools(
  db: Kysely<VouchTables>,
  siteId: string,
): Promise<CouponPoolSummary[]> {
  const rows = await db
    .selectFrom('coupons')
    .select((eb) => ['pool', eb.fn.countAll().as('total'), eb.fn.count('issued_to').as('issued')])
    .where('site_id', '=', siteId)
    .groupBy('pool')
    .orderBy('pool')
    .execute();
  // PostgreSQL counts in bigint, which its driver returns as a string.
  return rows.map((row) => {
    const total = Number(row.total);
    const issued = Number(row.issued);
    return { pool: row.pool, total, issued, left: total - issued };
  });
}
