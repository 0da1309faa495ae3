import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliSize } from './brotliSize.js';

/** Widget names of the contract (CONTRACT §2), each a lazily loaded chunk once built. */
export const WIDGETS = [
  'nps',
  'review-form',
  'testimonials',
  'carousel',
  'rating',
  'referral',
  'referral-banner',
  'share',
];

/**
 * The chunk file of `name` in `widgets/`: `name-HASH.js`. The longest matching name wins,
 * so `referral-banner-HASH.js` is never taken for `referral`.
 * @param {string[]} files
 * @param {string} name
 * @param {string[]} names every name that may own a file
 */
function chunkOf(files, name, names) {
  return files.find((file) => {
    if (!file.endsWith('.js') || !file.startsWith(`${name}-`)) return false;
    return !names.some((other) => other.length > name.length && file.startsWith(`${other}-`));
  });
}

/**
 * @typedef {object} ScriptSizes
 * @property {number | undefined} loader brotli bytes of `vouch.js`
 * @property {number | undefined} runtime brotli bytes of the runtime chunk
 * @property {Map<string, number | undefined>} widgets brotli bytes per widget name,
 *   undefined for a widget that is not built yet
 */

/**
 * Brotli sizes of the script-tag build: the loader, the runtime chunk and each widget.
 * @param {string} scriptDir the built script folder (`vouch.js` and `widgets/`)
 * @returns {ScriptSizes}
 */
export function scriptSizes(scriptDir) {
  const loaderFile = join(scriptDir, 'vouch.js');
  const widgetDir = join(scriptDir, 'widgets');
  const files = existsSync(widgetDir) ? readdirSync(widgetDir) : [];
  const names = ['runtime', ...WIDGETS];
  const size = (/** @type {string} */ name) => {
    const file = chunkOf(files, name, names);
    return file ? brotliSize(join(widgetDir, file)) : undefined;
  };
  return {
    loader: existsSync(loaderFile) ? brotliSize(loaderFile) : undefined,
    runtime: size('runtime'),
    widgets: new Map(WIDGETS.map((name) => [name, size(name)])),
  };
}
