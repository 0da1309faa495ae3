import { describeReward } from '@vouch/core';
import type { RewardRecord, rewardListQuerySchema } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import type { VouchTables } from '../db/schema.js';
import { DEFAULT_PAGE, decodeCursor, toPage } from './adminCursor.js';
import { rewardValue } from './rewardRows.js';

type Query = z.output<typeof rewardListQuerySchema>;

function selectRewards(db: Kysely<VouchTables>, siteId: string) {
  return db
    .selectFrom('rewards as r')
    .innerJoin('conversions as c', (join) =>
      join.onRef('c.site_id', '=', 'r.site_id').onRef('c.order_id', '=', 'r.order_id'),
    )
    .leftJoin('customers as owner', 'owner.id', 'r.customer_id')
    .selectAll('r')
    .select(['owner.merchant_id', 'c.verified'])
    .where('r.site_id', '=', siteId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRewards>['execute']>>[number];

function toRecord(row: Row, locale: string): RewardRecord {
  const value = rewardValue(row);
  return {
    id: row.id,
    orderId: row.order_id,
    code: row.code,
    reason: row.reason as RewardRecord['reason'],
    kind: row.kind,
    customer: row.merchant_id,
    visitor: row.visitor,
    value,
    description: describeReward(value, locale),
    coupon: row.coupon,
    status: row.status as RewardRecord['status'],
    approvesAt: row.approves_at,
    decidedAt: row.decided_at,
    verified: row.verified === 1,
    createdAt: row.created_at,
  };
}

/** `GET /v1/admin/rewards`: newest first, filtered, a page at a time. */
export async function listRewards(
  db: Kysely<VouchTables>,
  site: { id: string; locale: string },
  query: Query,
) {
  const limit = query.limit ?? DEFAULT_PAGE;
  const cursor = decodeCursor(query.cursor);
  let select = selectRewards(db, site.id);
  if (query.status) select = select.where('r.status', '=', query.status);
  if (query.reason) select = select.where('r.reason', '=', query.reason);
  if (query.customer) select = select.where('owner.merchant_id', '=', query.customer);
  if (query.code) select = select.where('r.code', '=', query.code);
  if (query.order) select = select.where('r.order_id', '=', query.order);
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('r.created_at', '<', cursor.createdAt),
        eb.and([eb('r.created_at', '=', cursor.createdAt), eb('r.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (row) => ({ createdAt: row.created_at, id: row.id }),
    (row) => toRecord(row, site.locale),
  );
}

/** One reward as the admin API shows it, or undefined. */
export async function findRewardRecord(
  db: Kysely<VouchTables>,
  site: { id: string; locale: string },
  id: string,
): Promise<RewardRecord | undefined> {
  const row = await selectRewards(db, site.id).where('r.id', '=', id).executeTakeFirst();
  return row && toRecord(row, site.locale);
}
