import type {
  Advocate,
  advocateListQuerySchema,
  ReferralRecord,
  referralListQuerySchema,
} from '@vouch/core/schemas';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type * as z from 'zod/mini';
import type { VouchTables } from '../db/schema.js';
import { DEFAULT_PAGE, decodeCursor, toPage } from './adminCursor.js';

type Codes = ExpressionBuilder<VouchTables & { rc: VouchTables['referral_codes'] }, 'rc'>;

/** Friends credited to the code of the row: its referrer rewards pending or approved. */
const friends = (eb: Codes) =>
  eb
    .selectFrom('rewards')
    .select((sub) => sub.fn.countAll<number | string>().as('n'))
    .whereRef('rewards.site_id', '=', 'rc.site_id')
    .whereRef('rewards.code', '=', 'rc.code')
    .where('rewards.kind', '=', 'friend')
    .where('rewards.status', 'in', ['pending', 'approved']);

/** Rewards the code's owner holds in one state. */
const owned = (eb: Codes, status: string) =>
  eb
    .selectFrom('rewards')
    .select((sub) => sub.fn.countAll<number | string>().as('n'))
    .whereRef('rewards.customer_id', '=', 'rc.customer_id')
    .where('rewards.status', '=', status);

function selectCodes(db: Kysely<VouchTables>, siteId: string) {
  return db
    .selectFrom('referral_codes as rc')
    .innerJoin('customers as owner', 'owner.id', 'rc.customer_id')
    .select(['rc.code', 'rc.created_at', 'owner.merchant_id', 'owner.email', 'owner.name'])
    .where('rc.site_id', '=', siteId);
}

/** `GET /v1/admin/referrals`: codes newest first, with friends and conversions. */
export async function listReferrals(
  db: Kysely<VouchTables>,
  siteId: string,
  query: z.output<typeof referralListQuerySchema>,
) {
  const limit = query.limit ?? DEFAULT_PAGE;
  const cursor = decodeCursor(query.cursor);
  let select = selectCodes(db, siteId).select((eb) => [
    friends(eb).as('friends'),
    eb
      .selectFrom('conversions')
      .select((sub) => sub.fn.countAll<number | string>().as('n'))
      .whereRef('conversions.site_id', '=', 'rc.site_id')
      .whereRef('conversions.code', '=', 'rc.code')
      .as('conversions'),
  ]);
  if (query.customer) select = select.where('owner.merchant_id', '=', query.customer);
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('rc.created_at', '<', cursor.createdAt),
        eb.and([eb('rc.created_at', '=', cursor.createdAt), eb('rc.code', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('rc.created_at', 'desc')
    .orderBy('rc.code', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (row) => ({ createdAt: row.created_at, id: row.code }),
    (row): ReferralRecord => ({
      code: row.code,
      customer: { id: row.merchant_id, email: row.email, name: row.name },
      friends: Number(row.friends ?? 0),
      conversions: Number(row.conversions ?? 0),
      createdAt: row.created_at,
    }),
  );
}

/**
 * `GET /v1/admin/advocates`: customers with credited friends, most friends first, then
 * most approved rewards.
 */
export async function topAdvocates(
  db: Kysely<VouchTables>,
  siteId: string,
  query: z.output<typeof advocateListQuerySchema>,
): Promise<Advocate[]> {
  const counted = selectCodes(db, siteId).select((eb) => [
    friends(eb).as('friends'),
    owned(eb, 'approved').as('approved'),
    owned(eb, 'pending').as('pending'),
  ]);
  const rows = await db
    .selectFrom(counted.as('a'))
    .selectAll('a')
    .where('a.friends', '>', 0)
    .orderBy('a.friends', 'desc')
    .orderBy('a.approved', 'desc')
    .orderBy('a.code')
    .limit(query.limit ?? DEFAULT_PAGE)
    .execute();
  return rows.map((row) => ({
    customer: { id: row.merchant_id, email: row.email, name: row.name },
    code: row.code,
    friends: Number(row.friends ?? 0),
    approvedRewards: Number(row.approved ?? 0),
    pendingRewards: Number(row.pending ?? 0),
  }));
}
