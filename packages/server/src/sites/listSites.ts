import type { VouchDatabase } from '../db/openDatabase.js';
import { type Site, siteColumns, toSite } from './Site.js';

/** Every site, oldest first, with its origins. No secrets. */
export async function listSites(database: VouchDatabase): Promise<Site[]> {
  const [rows, origins] = await Promise.all([
    database.db
      .selectFrom('sites')
      .select(siteColumns)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    database.db
      .selectFrom('site_origins')
      .select(['site_id', 'origin'])
      .orderBy('origin')
      .execute(),
  ]);
  const bySite = new Map<string, string[]>();
  for (const { site_id, origin } of origins) {
    const list = bySite.get(site_id);
    if (list) list.push(origin);
    else bySite.set(site_id, [origin]);
  }
  return rows.map((row) => toSite(row, bySite.get(row.id) ?? []));
}
