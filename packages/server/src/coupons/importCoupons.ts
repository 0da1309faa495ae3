import { couponPoolSchema } from '@vouch/core/schemas';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { CouponImport } from '../schemas/couponSchemas.js';
import { validate } from '../schemas/validate.js';
import { SiteInputError } from '../sites/SiteInputError.js';
import { listCouponPools } from './listCouponPools.js';
import { parseCouponCsv } from './parseCouponCsv.js';

/** Most refused lines an import lists; its counts cover them all. */
export const MAX_PROBLEMS_LISTED = 1000;
/** Rows per statement: within both engines' limits on bound parameters. */
const CHUNK = 500;

/**
 * Imports a coupon file (see `parseCouponCsv`) into a pool of the site. Good lines are
 * imported, all in one transaction; bad lines and duplicates — of an earlier line, or of
 * a code the site already has in any pool (a code means one thing at a checkout) — are
 * reported by line number. Importing the same file again imports nothing and reports
 * every line a duplicate. Throws `CouponFileError` (nothing imported) for a file that
 * cannot be read, and {@link SiteInputError} for a bad pool name.
 */
export async function importCoupons(
  database: VouchDatabase,
  siteId: string,
  pool: string,
  file: Uint8Array | string,
): Promise<CouponImport> {
  const checked = validate(couponPoolSchema, pool);
  if (!checked.success) {
    throw new SiteInputError(checked.issues.map((issue) => ({ ...issue, path: 'pool' })));
  }
  const { codes, problems } = parseCouponCsv(file);
  const importedAt = new Date().toISOString();

  // Inserted in code order, so that two imports of overlapping files take the codes'
  // locks in one order and wait for each other instead of deadlocking; the order they
  // are handed out in is their line, whatever the order of insertion.
  const ordered = [...codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const imported = await database.db.transaction().execute(async (trx) => {
    let count = 0;
    for (let start = 0; start < ordered.length; start += CHUNK) {
      const chunk = ordered.slice(start, start + CHUNK);
      const existing = new Map(
        (
          await trx
            .selectFrom('coupons')
            .select(['code', 'pool'])
            .where('site_id', '=', siteId)
            .where(
              'code',
              'in',
              chunk.map((c) => c.code),
            )
            .execute()
        ).map((row) => [row.code, row.pool]),
      );
      const fresh = chunk.filter(({ line, code }) => {
        const held = existing.get(code);
        if (held === undefined) return true;
        const where = held === pool ? 'this pool' : `pool "${held}"`;
        problems.push({ line, code, problem: 'duplicate', message: `is already in ${where}` });
        return false;
      });
      if (!fresh.length) continue;
      // Another upload may add the same code between the look-up and the insert: the
      // key keeps one, and the other is reported here rather than failing the import.
      const inserted = new Set(
        (
          await trx
            .insertInto('coupons')
            .values(
              fresh.map(({ line, code }) => ({
                site_id: siteId,
                code,
                pool,
                imported_at: importedAt,
                line,
              })),
            )
            .onConflict((oc) => oc.columns(['site_id', 'code']).doNothing())
            .returning('code')
            .execute()
        ).map((row) => row.code),
      );
      for (const { line, code } of fresh) {
        if (inserted.has(code)) continue;
        problems.push({ line, code, problem: 'duplicate', message: 'was added by another upload' });
      }
      count += inserted.size;
    }
    return count;
  });

  problems.sort((a, b) => a.line - b.line);
  const summary = (await listCouponPools(database.db, siteId)).find((p) => p.pool === pool) ?? {
    pool,
    total: 0,
    issued: 0,
    left: 0,
  };
  return {
    ...summary,
    imported,
    invalid: problems.filter((p) => p.problem === 'invalid').length,
    duplicates: problems.filter((p) => p.problem === 'duplicate').length,
    problems: problems.slice(0, MAX_PROBLEMS_LISTED),
  };
}
