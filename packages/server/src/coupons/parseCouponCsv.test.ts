import { describe, expect, it } from 'vitest';
import { CouponFileError } from './CouponFileError.js';
import { parseCouponCsv } from './parseCouponCsv.js';

const fatal = (file: Uint8Array | string) => {
  try {
    parseCouponCsv(file);
  } catch (error) {
    if (error instanceof CouponFileError) return error;
    throw error;
  }
  throw new Error('expected a CouponFileError');
};

describe('parseCouponCsv', () => {
  it('reads one code per line, trimmed, skipping blank lines, with line numbers', () => {
    expect(parseCouponCsv('FRIEND-001\n  FRIEND-002 \r\n\n\nFRIEND_003\n')).toEqual({
      codes: [
        { line: 1, code: 'FRIEND-001' },
        { line: 2, code: 'FRIEND-002' },
        { line: 5, code: 'FRIEND_003' },
      ],
      problems: [],
    });
  });

  it('takes a header naming the code column, in any case, and ignores other columns', () => {
    const file =
      '\uFEFFValue,Code,Note\n10%,AB-100,"first, with a comma"\n10%,AB-101,"two\nlines"\n10%,AB-102,\n';
    expect(parseCouponCsv(file).codes).toEqual([
      { line: 2, code: 'AB-100' },
      { line: 3, code: 'AB-101' },
      { line: 5, code: 'AB-102' },
    ]);
    expect(parseCouponCsv('code\nXYZ1\n').codes).toEqual([{ line: 2, code: 'XYZ1' }]);
  });

  it('reports invalid codes and repeats by line and goes on', () => {
    const file = [
      'code',
      'GOOD-1',
      'no spaces',
      'GOOD-1',
      'ab',
      '"quoted-OK"',
      'x'.repeat(65),
      'ÄÖÜ-1',
    ].join('\n');
    const { codes, problems } = parseCouponCsv(file);
    expect(codes).toEqual([
      { line: 2, code: 'GOOD-1' },
      { line: 6, code: 'quoted-OK' },
    ]);
    expect(problems.map(({ line, code, problem }) => [line, code, problem])).toEqual([
      [3, 'no spaces', 'invalid'],
      [4, 'GOOD-1', 'duplicate'],
      [5, 'ab', 'invalid'],
      [7, 'x'.repeat(65), 'invalid'],
      [8, 'ÄÖÜ-1', 'invalid'],
    ]);
    expect(problems[0]?.message).toBe('must be 3–64 letters, digits, - or _');
    expect(problems[1]?.message).toBe('repeats line 2');
  });

  it('reports a line with columns but no code', () => {
    const { problems } = parseCouponCsv('code,note\nA-100,ok\n,forgot the code\n');
    expect(problems).toEqual([{ line: 3, code: null, problem: 'invalid', message: 'has no code' }]);
  });

  it('refuses a whole file that is empty, not text, not CSV, or ambiguous', () => {
    expect(fatal('').message).toBe('the file has no codes');
    expect(fatal('\n  \n,,\n').message).toBe('the file has no codes');
    expect(fatal('code\n').message).toBe('the file has a header and no codes');
    expect(fatal(new Uint8Array([0xff, 0xfe, 0x00, 0x41])).message).toBe(
      'the file is not UTF-8 text',
    );
    expect(fatal('A-100\0\n').message).toMatch(/not CSV text/);
    const quote = fatal('A-100\n"A-101\nA-102\n');
    expect(quote.message).toMatch(/^line \d: the file is not valid CSV: Quote Not Closed/);
    const columns = fatal('\nA-100,10%\nA-101,10%\n');
    expect(columns).toMatchObject({ line: 2 });
    expect(columns.message).toBe('line 2: 2 columns and no header naming the "code" column');
    expect(fatal(`${'A'.repeat(5000)}\n`).message).toMatch(/not valid CSV/);
  });
});
