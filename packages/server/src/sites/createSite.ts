import { originSchema, publicKeySchema, themeSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import { validate } from '../schemas/validate.js';
import { randomBase62 } from './randomBase62.js';
import { type Site, toSite } from './Site.js';
import { SiteInputError } from './SiteInputError.js';
import { secretKeyHash } from './secretKeyHash.js';

/** Settings of a new site. */
export const createSiteInputSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Origins whose pages may call the browser API; more can be added later. */
  origins: z.array(originSchema).check(z.maxLength(100)),
  /** A chosen public key, e.g. for a demo site with a fixed snippet. @default random */
  publicKey: z.optional(publicKeySchema),
  /** @default false */
  consentRequired: z.optional(z.boolean()),
  /** @default 30 */
  attributionDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(365))),
  /** @default 'last' */
  attribution: z.optional(z.enum(['first', 'last'])),
  /** @default 'en' */
  locale: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
  /** @default {} */
  theme: z.optional(themeSchema),
  /** Whether `identify` must carry the HMAC of the customer id. @default false */
  identityVerification: z.optional(z.boolean()),
});
export type CreateSiteInput = z.input<typeof createSiteInputSchema>;

/** A new site and its keys. `secretKey` exists only here: the database keeps its hash. */
export interface CreatedSite {
  site: Site;
  publicKey: string;
  secretKey: string;
}

/**
 * Creates a site with a fresh public key (`pk_` + 24 base62) unless one is given, and a
 * secret key (`sk_` + 40 base62), both from the system CSPRNG. Throws
 * {@link SiteInputError} naming every bad field, also for a public key already in use.
 */
export async function createSite(
  database: VouchDatabase,
  input: CreateSiteInput,
): Promise<CreatedSite> {
  const parsed = validate(createSiteInputSchema, input);
  if (!parsed.success) throw new SiteInputError(parsed.issues);
  const settings = parsed.data;
  const publicKey = settings.publicKey ?? `pk_${randomBase62(24)}`;
  const secretKey = `sk_${randomBase62(40)}`;
  const row = {
    id: `site_${randomBase62(16)}`,
    name: settings.name,
    public_key: publicKey,
    secret_hash: secretKeyHash(secretKey),
    consent_required: settings.consentRequired ? 1 : 0,
    attribution_days: settings.attributionDays ?? 30,
    attribution: settings.attribution ?? 'last',
    locale: settings.locale ?? 'en',
    theme: JSON.stringify(settings.theme ?? {}),
    created_at: new Date().toISOString(),
    identity_verification: settings.identityVerification ? 1 : 0,
    referral_program: null,
    nps_rules: null,
    share_program: null,
  };
  const origins = [...new Set(settings.origins)].sort();

  await database.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('sites')
      .select('id')
      .where('public_key', '=', publicKey)
      .executeTakeFirst();
    if (taken) {
      throw new SiteInputError([{ path: 'publicKey', message: 'is already used by another site' }]);
    }
    await trx.insertInto('sites').values(row).execute();
    if (origins.length) {
      await trx
        .insertInto('site_origins')
        .values(origins.map((origin) => ({ site_id: row.id, origin })))
        .execute();
    }
  });
  return { site: toSite(row, origins), publicKey, secretKey };
}
