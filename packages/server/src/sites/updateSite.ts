import { npsRulesSchema, originSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import { validate } from '../schemas/validate.js';
import { createSiteInputSchema } from './createSite.js';
import { siteOrigins } from './findSiteByPublicKey.js';
import { type Site, siteColumns, toSite } from './Site.js';
import { SiteInputError } from './SiteInputError.js';

const settings = createSiteInputSchema.shape;
const originList = z.optional(z.array(originSchema).check(z.maxLength(100)));

/**
 * A change to a site's settings (`PATCH /v1/admin/site`, `vouch-server sites update`):
 * only the fields given change. Origins are added and removed, not replaced, so two
 * changes made at once do not undo each other.
 */
export const siteUpdateSchema = z.strictObject({
  name: z.optional(settings.name),
  consentRequired: settings.consentRequired,
  attributionDays: settings.attributionDays,
  attribution: settings.attribution,
  locale: settings.locale,
  theme: settings.theme,
  identityVerification: settings.identityVerification,
  /** The NPS prompt's rules, replaced whole (`{}`: the defaults); null turns it off. */
  nps: z.optional(z.nullable(npsRulesSchema)),
  origins: z.optional(z.strictObject({ add: originList, remove: originList })),
});
export type SiteUpdate = z.input<typeof siteUpdateSchema>;

/**
 * Changes the settings given, in one transaction, and answers the site as it is now.
 * Throws {@link SiteInputError} naming every bad field (also an origin both added and
 * removed), and an Error for an unknown site. Adding an origin the site has, or removing
 * one it lacks, changes nothing.
 */
export async function updateSite(
  database: VouchDatabase,
  siteId: string,
  update: SiteUpdate,
): Promise<Site> {
  const parsed = validate(siteUpdateSchema, update);
  if (!parsed.success) throw new SiteInputError(parsed.issues);
  const { origins, ...fields } = parsed.data;
  const add = [...new Set(origins?.add ?? [])];
  const remove = [...new Set(origins?.remove ?? [])];
  const both = remove.flatMap((origin) =>
    add.includes(origin)
      ? [{ path: `origins.remove.${remove.indexOf(origin)}`, message: 'is also added' }]
      : [],
  );
  if (both.length) throw new SiteInputError(both);

  const columns = {
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.consentRequired !== undefined && {
      consent_required: fields.consentRequired ? 1 : 0,
    }),
    ...(fields.attributionDays !== undefined && { attribution_days: fields.attributionDays }),
    ...(fields.attribution !== undefined && { attribution: fields.attribution }),
    ...(fields.locale !== undefined && { locale: fields.locale }),
    ...(fields.theme !== undefined && { theme: JSON.stringify(fields.theme) }),
    ...(fields.identityVerification !== undefined && {
      identity_verification: fields.identityVerification ? 1 : 0,
    }),
    ...(fields.nps !== undefined && { nps_rules: fields.nps && JSON.stringify(fields.nps) }),
  };

  const row = await database.db.transaction().execute(async (trx) => {
    if (Object.keys(columns).length) {
      await trx.updateTable('sites').set(columns).where('id', '=', siteId).execute();
    }
    const row = await trx
      .selectFrom('sites')
      .select(siteColumns)
      .where('id', '=', siteId)
      .executeTakeFirst();
    if (!row) throw new Error(`no site with id ${siteId}`);
    if (add.length) {
      await trx
        .insertInto('site_origins')
        .values(add.map((origin) => ({ site_id: siteId, origin })))
        .onConflict((oc) => oc.columns(['site_id', 'origin']).doNothing())
        .execute();
    }
    if (remove.length) {
      await trx
        .deleteFrom('site_origins')
        .where('site_id', '=', siteId)
        .where('origin', 'in', remove)
        .execute();
    }
    return row;
  });
  return toSite(row, await siteOrigins(database, siteId));
}
