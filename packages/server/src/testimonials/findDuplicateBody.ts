import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/**
 * Whether the site stored a testimonial with the same text (`bodyHash`) at or after
 * `since`, whatever its status: spam posted again after a rejection is still spam.
 */
export async function findDuplicateBody(
  db: Kysely<VouchTables>,
  siteId: string,
  hash: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('testimonials')
    .select('id')
    .where('site_id', '=', siteId)
    .where('body_hash', '=', hash)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
