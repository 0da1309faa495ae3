import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/** Friends credited to a code: orders whose referrer reward is pending or approved. */
export async function countFriends(
  db: Kysely<VouchTables>,
  siteId: string,
  code: string,
): Promise<number> {
  const row = await db
    .selectFrom('rewards')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('site_id', '=', siteId)
    .where('code', '=', code)
    .where('kind', '=', 'friend')
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
