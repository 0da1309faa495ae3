/**
 * A coupon file that cannot be imported at all (not CSV text, no codes, several columns
 * and no `code` header): nothing of it is imported. `line` is where it went wrong, when
 * one line is to blame.
 */
export class CouponFileError extends Error {
  override readonly name = 'CouponFileError';
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.line = line;
  }
}
