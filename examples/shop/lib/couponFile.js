import { randomInt } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The shop's friend discount: single-use codes worth 10% off, which the shop generates
 * itself (as a merchant exports codes from their shop platform) and hands to vouch as
 * a coupon pool. The shop's checkout honours a code only if it is in this file.
 */
export const FRIEND_COUPONS = Object.freeze({
  /** The vouch coupon pool the codes are uploaded to. */
  pool: 'friend-10',
  percentOff: 10,
  /** How many codes the shop generates on first start. */
  count: 500,
  prefix: 'LL10-',
});

/**
 * The sharer's reward: single-use codes worth 5% off, for a shopper whose shared link a
 * friend opened (the demo share program), generated and uploaded like the friend codes.
 */
export const SHARE_COUPONS = Object.freeze({
  pool: 'share-5',
  percentOff: 5,
  count: 500,
  prefix: 'LL5-',
});

/** Every coupon export the shop generates and honours, one per vouch coupon pool. */
export const COUPON_POOLS = [FRIEND_COUPONS, SHARE_COUPONS];

// No 0/O, 1/I/L: a code read aloud or copied by hand stays right.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A fresh code such as `LL10-7KQ2M9XA`, from the system CSPRNG.
 * @param {string} [prefix]
 */
export function generateCouponCode(prefix = FRIEND_COUPONS.prefix) {
  let code = prefix;
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * Creates the coupon export at `file` unless it exists: a header line `code`, then one
 * code per line, the format vouch's coupon import reads. Written to a temporary file and
 * renamed, so a crash never leaves half a file that would later be uploaded.
 * @param {string} file
 * @param {{ count?: number, prefix?: string }} [options] Default: the friend codes'
 * @returns {Promise<{ created: boolean, codes: Set<string> }>}
 */
export async function ensureCouponFile(
  file,
  { count = FRIEND_COUPONS.count, prefix = FRIEND_COUPONS.prefix } = {},
) {
  const existing = await readCouponFile(file);
  if (existing) return { created: false, codes: existing };
  const codes = new Set();
  while (codes.size < count) codes.add(generateCouponCode(prefix));
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `code\n${[...codes].join('\n')}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return { created: true, codes };
}

/**
 * The codes of a coupon export, upper-cased, or null when the file does not exist.
 * @param {string} file
 * @returns {Promise<Set<string> | null>}
 */
export async function readCouponFile(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
    throw error;
  }
  const codes = text
    .split(/\r?\n/)
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line && line !== 'CODE');
  return new Set(codes);
}
