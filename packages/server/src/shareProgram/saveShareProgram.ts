import { shareProgramSchema } from '@vouch/core/schemas';
import { listCouponPools } from '../coupons/listCouponPools.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { loadReferralProgram } from '../referralProgram/loadReferralProgram.js';
import type { ShareProgramSettings } from '../schemas/shareProgramSettingsSchema.js';
import { validate } from '../schemas/validate.js';
import { SiteInputError } from '../sites/SiteInputError.js';
import { checkShareProgram } from './checkShareProgram.js';
import { parseShareProgram } from './parseShareProgram.js';

/**
 * Sets a site's share program, whole (`PUT /v1/admin/share-program`). Throws
 * {@link SiteInputError} naming every bad field — the schema's and
 * {@link checkShareProgram}'s errors — and stores nothing then; answers the program with
 * its warnings. Servers see the change within their site cache time.
 */
export async function saveShareProgram(
  database: VouchDatabase,
  siteId: string,
  input: unknown,
): Promise<ShareProgramSettings> {
  const parsed = validate(shareProgramSchema, input);
  if (!parsed.success) throw new SiteInputError(parsed.issues);
  const program = parsed.data;
  const { errors, warnings } = checkShareProgram(program, await contextOf(database, siteId));
  if (errors.length) throw new SiteInputError(errors);
  const { numUpdatedRows } = await database.db
    .updateTable('sites')
    .set({ share_program: JSON.stringify(program) })
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!numUpdatedRows) throw new Error(`no site with id ${siteId}`);
  return { program, warnings };
}

/**
 * A site's share program as set, also when it is off, with its warnings as they are now
 * (a pool may have run out, the referral program been turned off); `program` is null
 * when none is set.
 */
export async function readShareProgram(
  database: VouchDatabase,
  siteId: string,
): Promise<ShareProgramSettings> {
  const row = await database.db
    .selectFrom('sites')
    .select('share_program')
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!row) throw new Error(`no site with id ${siteId}`);
  const program = row.share_program ? parseShareProgram(row.share_program) : null;
  if (!program) return { program: null, warnings: [] };
  const { warnings } = checkShareProgram(program, await contextOf(database, siteId));
  return { program, warnings };
}

async function contextOf(database: VouchDatabase, siteId: string) {
  const [pools, referral] = await Promise.all([
    listCouponPools(database.db, siteId),
    loadReferralProgram(database, siteId),
  ]);
  return { pools, referral };
}
