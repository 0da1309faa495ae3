import { originSchema } from '@vouch/core/schemas';
import type { VouchDatabase } from '../db/openDatabase.js';
import { validate } from '../schemas/validate.js';
import { SiteInputError } from './SiteInputError.js';

/**
 * Allows one more origin to call the browser API for a site. Adding an origin the site
 * already has changes nothing. Throws {@link SiteInputError} for a value that is not an
 * origin (`https://shop.example`, no path or trailing slash), and an Error for an
 * unknown site.
 */
export async function addOrigin(
  database: VouchDatabase,
  siteId: string,
  origin: string,
): Promise<void> {
  const parsed = validate(originSchema, origin);
  if (!parsed.success) {
    throw new SiteInputError(parsed.issues.map((issue) => ({ ...issue, path: 'origin' })));
  }
  const site = await database.db
    .selectFrom('sites')
    .select('id')
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw new Error(`no site with id ${siteId}`);
  await database.db
    .insertInto('site_origins')
    .values({ site_id: siteId, origin: parsed.data })
    .onConflict((oc) => oc.columns(['site_id', 'origin']).doNothing())
    .execute();
}
