import type { ShareProgram } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { parseShareProgram } from './parseShareProgram.js';

/**
 * The site's share program when it is on, read now (not from the site cache), as `db`
 * sees it (the database or a transaction): null when the site has none, has turned it
 * off, or does not exist.
 */
export async function loadShareProgram(
  db: Kysely<VouchTables>,
  siteId: string,
): Promise<ShareProgram | null> {
  const row = await db
    .selectFrom('sites')
    .select('share_program')
    .where('id', '=', siteId)
    .executeTakeFirst();
  const program = row?.share_program ? parseShareProgram(row.share_program) : null;
  return program?.enabled ? program : null;
}
