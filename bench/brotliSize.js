import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * Brotli size (quality 11, the setting the contract's budgets are written for) of a
 * file or of several files together, each compressed on its own as a browser fetches it.
 * @param {string[]} files
 * @returns {number} bytes
 */
export function brotliSize(...files) {
  let total = 0;
  for (const file of files) {
    total += brotliCompressSync(readFileSync(file), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return total;
}
