import type { ReferralProgram } from '@vouch/core/schemas';
import { Kysely } from 'kysely';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { VouchTables } from '../db/schema.js';
import { parseReferralProgram } from './parseReferralProgram.js';

/**
 * The site's referral program when it is on, read from the database now (not from the
 * site cache): null when the site has none, has turned it off (`enabled: false`), or
 * does not exist. Takes the database, its query layer, or a transaction (then the
 * program is read as that transaction sees it).
 */
export async function loadReferralProgram(
  db: VouchDatabase | Kysely<VouchTables>,
  siteId: string,
): Promise<ReferralProgram | null> {
  const query = db instanceof Kysely ? db : db.db;
  const row = await query
    .selectFrom('sites')
    .select('referral_program')
    .where('id', '=', siteId)
    .executeTakeFirst();
  const program = row?.referral_program ? parseReferralProgram(row.referral_program) : null;
  return program?.enabled ? program : null;
}
