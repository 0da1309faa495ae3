import type { VouchDatabase } from '../db/openDatabase.js';

/** Whether any site allows this origin: what a preflight, which carries no key, can ask. */
export async function isKnownOrigin(database: VouchDatabase, origin: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('site_origins')
    .select('site_id')
    .where('origin', '=', origin)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
