import { stringify } from 'csv-stringify/sync';
import type { NpsAnswerRecord } from '../schemas/npsAdminSchemas.js';

const COLUMNS = [
  'id',
  'at',
  'score',
  'category',
  'comment',
  'contact',
  'email',
  'customer',
  'visitor',
  'url',
] as const satisfies ReadonlyArray<keyof NpsAnswerRecord>;

/**
 * Answers as CSV (RFC 4180, a header line, CRLF), written by csv-stringify, which
 * quotes what needs quoting and, with `escape_formulas`, prefixes a cell that starts
 * with `=`, `+`, `-`, `@`, tab or carriage return with `'`, so that a spreadsheet shows
 * a respondent's comment as text instead of running it as a formula.
 */
export function npsAnswersCsv(answers: readonly NpsAnswerRecord[]): string {
  return stringify(
    answers.map((answer) => COLUMNS.map((column) => answer[column])),
    {
      header: true,
      columns: [...COLUMNS],
      record_delimiter: 'windows',
      escape_formulas: true,
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    },
  );
}
