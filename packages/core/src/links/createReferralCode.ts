/**
 * Digits and letters without the look-alikes `0 O o 1 I l`: 56 symbols, so a code read
 * aloud or copied by hand comes out right, and it is still valid for `referralCodeSchema`.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
// Bytes below this multiple of 56 map evenly onto the alphabet; the rest are redrawn.
const EVEN = 256 - (256 % ALPHABET.length);

/** Options of {@link createReferralCode}. */
export interface ReferralCodeOptions {
  /** Characters in the code, 4 to 32. @default 8 (about 46 bits of randomness) */
  length?: number;
  /**
   * Fills its argument with cryptographically strong random bytes.
   * @default crypto.getRandomValues
   */
  random?: (bytes: Uint8Array<ArrayBuffer>) => void;
}

/**
 * A new unguessable referral code: URL-safe letters and digits without look-alike
 * characters, drawn without bias from a cryptographic random source. Throws a
 * `RangeError` when `length` is not a whole number from 4 to 32.
 */
export function createReferralCode(options: ReferralCodeOptions = {}): string {
  const { length = 8, random = (bytes: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(bytes) } =
    options;
  if (!Number.isInteger(length) || length < 4 || length > 32) {
    throw new RangeError(`[vouch] createReferralCode: "length" must be 4 to 32, got ${length}`);
  }
  let code = '';
  const bytes = new Uint8Array(length * 2);
  while (code.length < length) {
    random(bytes);
    for (const byte of bytes) {
      if (byte < EVEN && code.length < length) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}
