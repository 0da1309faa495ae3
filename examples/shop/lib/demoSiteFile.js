import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * @typedef {object} DemoSiteFile What the shop's server keeps about the demo site, in
 *   development only: a real merchant keeps the secret key in their secret store.
 * @property {string} publicKey
 * @property {string} [secretKey] The site's secret key (`sk_…`): vouch keeps only a hash.
 * @property {string} [couponsUploaded] SHA-256 of the friend coupon export last uploaded,
 *   as kept before the shop had a second pool (read as `couponDigests['friend-10']`).
 * @property {Record<string, string>} [couponDigests] SHA-256 of each coupon export last
 *   uploaded, by pool, so a later start uploads one again only if it changed.
 * @property {boolean} [npsRulesSet] Whether the demo NPS rules were set, so a later start
 *   leaves the rules the merchant changed or turned off as they are.
 * @property {boolean} [shareProgramSet] Whether the demo share program was set, likewise.
 */

/**
 * Reads the demo site file; null when there is none or it is not one.
 * @param {string} file
 * @returns {Promise<DemoSiteFile | null>}
 */
export async function readDemoSiteFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (typeof parsed?.publicKey !== 'string') return null;
  return {
    publicKey: parsed.publicKey,
    ...(typeof parsed.secretKey === 'string' ? { secretKey: parsed.secretKey } : {}),
    ...(typeof parsed.couponsUploaded === 'string'
      ? { couponsUploaded: parsed.couponsUploaded }
      : {}),
    ...(parsed.couponDigests && typeof parsed.couponDigests === 'object'
      ? {
          couponDigests: Object.fromEntries(
            Object.entries(parsed.couponDigests).filter(([, value]) => typeof value === 'string'),
          ),
        }
      : {}),
    ...(parsed.npsRulesSet === true ? { npsRulesSet: true } : {}),
    ...(parsed.shareProgramSet === true ? { shareProgramSet: true } : {}),
  };
}

/**
 * Writes the demo site file readable by its owner only (mode 600), whole or not at all.
 * @param {string} file
 * @param {DemoSiteFile} content
 */
export async function writeDemoSiteFile(file, content) {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; a leftover temporary keeps its own.
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
