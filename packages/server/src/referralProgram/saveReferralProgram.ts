import { referralProgramSchema } from '@vouch/core/schemas';
import { listCouponPools } from '../coupons/listCouponPools.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { ReferralProgramSettings } from '../schemas/referralProgramSettingsSchema.js';
import { validate } from '../schemas/validate.js';
import { siteOrigins } from '../sites/findSiteByPublicKey.js';
import { SiteInputError } from '../sites/SiteInputError.js';
import { checkReferralProgram } from './checkReferralProgram.js';
import { parseReferralProgram } from './parseReferralProgram.js';

/**
 * Sets a site's referral program, whole (`PUT /v1/admin/referral-program`, `vouch-server
 * referral-program set`). Throws {@link SiteInputError} naming every bad field — the
 * schema's and {@link checkReferralProgram}'s errors — and stores nothing then; answers
 * the program with its warnings (a pool with no coupons yet is one, not an error).
 * Servers see the change within their site cache time.
 */
export async function saveReferralProgram(
  database: VouchDatabase,
  siteId: string,
  input: unknown,
): Promise<ReferralProgramSettings> {
  const parsed = validate(referralProgramSchema, input);
  if (!parsed.success) throw new SiteInputError(parsed.issues);
  const program = parsed.data;
  const { errors, warnings } = checkReferralProgram(program, await contextOf(database, siteId));
  if (errors.length) throw new SiteInputError(errors);
  const { numUpdatedRows } = await database.db
    .updateTable('sites')
    .set({ referral_program: JSON.stringify(program) })
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!numUpdatedRows) throw new Error(`no site with id ${siteId}`);
  return { program, warnings };
}

/**
 * A site's referral program as set, also when it is off, with its warnings as they are
 * now (a pool may have run out since); `program` is null when none is set.
 */
export async function readReferralProgram(
  database: VouchDatabase,
  siteId: string,
): Promise<ReferralProgramSettings> {
  const row = await database.db
    .selectFrom('sites')
    .select('referral_program')
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!row) throw new Error(`no site with id ${siteId}`);
  const program = row.referral_program ? parseReferralProgram(row.referral_program) : null;
  if (!program) return { program: null, warnings: [] };
  const { warnings } = checkReferralProgram(program, await contextOf(database, siteId));
  return { program, warnings };
}

async function contextOf(database: VouchDatabase, siteId: string) {
  const [pools, origins] = await Promise.all([
    listCouponPools(database.db, siteId),
    siteOrigins(database, siteId),
  ]);
  return { pools, origins };
}
