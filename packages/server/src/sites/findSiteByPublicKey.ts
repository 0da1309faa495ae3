import { publicKeySchema } from '@vouch/core/schemas';
import type { VouchDatabase } from '../db/openDatabase.js';
import { type Site, siteColumns, toSite } from './Site.js';

/** The site with this public key, or undefined (also for a string that is no key at all). */
export async function findSiteByPublicKey(
  database: VouchDatabase,
  publicKey: string,
): Promise<Site | undefined> {
  if (!publicKeySchema.safeParse(publicKey).success) return undefined;
  const row = await database.db
    .selectFrom('sites')
    .select(siteColumns)
    .where('public_key', '=', publicKey)
    .executeTakeFirst();
  if (!row) return undefined;
  return toSite(row, await siteOrigins(database, row.id));
}

/** The allowed origins of one site, sorted. */
export async function siteOrigins(database: VouchDatabase, siteId: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('site_origins')
    .select('origin')
    .where('site_id', '=', siteId)
    .orderBy('origin')
    .execute();
  return rows.map((r) => r.origin);
}
