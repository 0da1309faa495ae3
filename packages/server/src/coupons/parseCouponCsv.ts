import { couponCodeSchema } from '@vouch/core/schemas';
import { parse } from 'csv-parse/sync';
import type { CouponProblem } from '../schemas/couponSchemas.js';
import { validate } from '../schemas/validate.js';
import { CouponFileError } from './CouponFileError.js';

/** The codes of a coupon file, each with its line, and the lines refused. */
export interface ParsedCouponFile {
  codes: Array<{ line: number; code: string }>;
  problems: CouponProblem[];
}

/** Longest record accepted, in characters: far above any coupon line, well below abuse. */
const MAX_RECORD = 4096;

/**
 * Reads a coupon file: CSV (RFC 4180, through `csv-parse`: quotes, commas and line
 * breaks inside quotes, a UTF-8 byte-order mark), one code per line. A first line that
 * names a `code` column (any case) is a header, and then other columns are ignored;
 * without one the file must have a single column. Fields are trimmed; blank lines are
 * skipped. A code that fails `couponCodeSchema`, or repeats an earlier line, is a problem
 * of its line and the rest goes on. Throws {@link CouponFileError} for what makes the
 * whole file unusable: not UTF-8 text, malformed CSV, no codes at all.
 */
export function parseCouponCsv(bytes: Uint8Array | string): ParsedCouponFile {
  const text = typeof bytes === 'string' ? bytes : decode(bytes);
  if (text.includes('\0')) throw new CouponFileError('the file is not CSV text (it has NUL bytes)');

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes with where it ends; the typings do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Any line ending, also mixed in one file (pasted together from several exports).
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const reason = error instanceof Error ? error.message.replace(/ at line \d+.*$/s, '') : '';
    throw new CouponFileError(
      `the file is not valid CSV: ${reason}`,
      typeof line === 'number' ? line : undefined,
    );
  }

  const rows = records
    .map(({ record, info }) => ({
      fields: record,
      // A quoted field may span lines: the record starts where its own line breaks began.
      line:
        info.lines - record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    }))
    .filter((row) => row.fields.some((field) => field !== ''));
  const first = rows[0];
  if (!first) throw new CouponFileError('the file has no codes');

  const headerColumn = first.fields.findIndex((field) => field.toLowerCase() === 'code');
  if (headerColumn < 0 && first.fields.length > 1) {
    throw new CouponFileError(
      `${first.fields.length} columns and no header naming the "code" column`,
      first.line,
    );
  }
  const column = Math.max(headerColumn, 0);
  const body = headerColumn >= 0 ? rows.slice(1) : rows;
  if (!body.length) throw new CouponFileError('the file has a header and no codes');

  const codes: ParsedCouponFile['codes'] = [];
  const problems: CouponProblem[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of body) {
    const code = fields[column] ?? '';
    if (!code) {
      problems.push({ line, code: null, problem: 'invalid', message: 'has no code' });
      continue;
    }
    const checked = validate(couponCodeSchema, code);
    if (!checked.success) {
      const message = checked.issues[0]?.message ?? 'is not a coupon code';
      problems.push({ line, code, problem: 'invalid', message });
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.push({ line, code, problem: 'duplicate', message: `repeats line ${earlier}` });
      continue;
    }
    seen.set(code, line);
    codes.push({ line, code });
  }
  return { codes, problems };
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CouponFileError('the file is not UTF-8 text');
  }
}
