import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CouponFileError } from '../coupons/CouponFileError.js';
import { importCoupons } from '../coupons/importCoupons.js';
import { listCouponPools } from '../coupons/listCouponPools.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import type { CliIo } from './CliIo.js';
import { parseFlags } from './parseFlags.js';
import { siteFlag } from './siteFlag.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

/** `vouch-server coupons import|list`. */
export async function couponsCommand(args: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'import') return importCommand(rest, io);
  if (action === 'list') return listCommand(rest, io);
  throw new UsageError(
    action ? `coupons: unknown action "${action}" (import or list)` : 'coupons: say import or list',
  );
}

/**
 * Exits 1 when lines were refused as invalid (the good ones are imported, the report
 * says which lines to fix); duplicates alone are not a failure, so importing the same
 * file twice succeeds.
 */
async function importCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'coupons import';
  const { values, positionals } = parseFlags(
    command,
    args,
    { site: { type: 'string' }, pool: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (!values.pool) throw new UsageError(`${command}: --pool is required (a pool name)`);
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError(`${command}: say which FILE to import (CSV, one code a line)`);
  if (extra.length) throw new UsageError(`${command}: unexpected argument "${extra[0]}"`);
  const bytes = await readFile(resolve(io.cwd, file)).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${command}: cannot read ${file}: ${error.code ?? error.message}`);
  });

  const result = await withDatabase(io, async (database) => {
    const site = await siteFlag(database, command, values.site);
    return importCoupons(database, site.id, values.pool ?? '', bytes).catch((error: unknown) => {
      if (isSiteInputError(error)) {
        throw new UsageError(`${command}: --pool "${values.pool}": ${error.issues[0]?.message}`);
      }
      if (error instanceof CouponFileError) {
        throw new Error(`nothing imported from ${file}: ${error.message}`);
      }
      throw error;
    });
  });

  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = [
      `Imported ${result.imported} code${result.imported === 1 ? '' : 's'} into pool "${result.pool}" ` +
        `(now ${result.total}: ${result.issued} issued, ${result.left} left).`,
    ];
    if (result.problems.length) {
      lines.push(`Skipped ${result.invalid} invalid and ${result.duplicates} duplicate lines:`);
      for (const { line, code, problem, message } of result.problems) {
        lines.push(
          `  line ${line}  ${code === null ? '(empty)' : JSON.stringify(code)}  ${problem}: ${message}`,
        );
      }
      const unlisted = result.invalid + result.duplicates - result.problems.length;
      if (unlisted > 0) lines.push(`  … and ${unlisted} more`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (result.invalid > 0) {
    throw new Error(
      `${result.invalid} invalid line${result.invalid === 1 ? '' : 's'} in ${file}; fix and import again`,
    );
  }
}

async function listCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'coupons list';
  const { values } = parseFlags(command, args, {
    site: { type: 'string' },
    json: { type: 'boolean' },
  });
  const pools = await withDatabase(io, async (database) =>
    listCouponPools(database.db, (await siteFlag(database, command, values.site)).id),
  );
  if (values.json) {
    io.stdout(`${JSON.stringify({ pools }, null, 2)}\n`);
    return;
  }
  if (!pools.length) {
    io.stdout(
      'No coupon pools yet: vouch-server coupons import --site PUBLIC_KEY --pool NAME FILE\n',
    );
    return;
  }
  const width = Math.max(...pools.map((p) => p.pool.length));
  for (const { pool, total, issued, left } of pools) {
    io.stdout(`${pool.padEnd(width)}  total ${total}  issued ${issued}  left ${left}\n`);
  }
}
