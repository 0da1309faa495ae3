import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 * @property {number | undefined} runtime brotli bytes of the runtime chunk and every chunk
 *   it imports: what a page downloads after the loader, before any widget
 * @property {Map<string, number | undefined>} widgets brotli bytes of each widget's own
 *   chunk: what one more widget type costs once the shared chunks are there; undefined
 *   for a widget that is not built yet
 * @property {Map<string, number | undefined>} firstPaint loader + runtime + the widget with
 *   every chunk it imports (Preact among them): what a page showing only that widget
 *   downloads before it paints
 * @property {number | undefined} shared brotli bytes of the chunks widgets import that the
 *   runtime does not (Preact and the widgets' common parts), loaded once
 * @property {number | undefined} all loader + every chunk any entry imports
 */

/**
 * Brotli sizes of the script-tag build: the loader, the runtime, each widget alone and
 * with everything it needs. Which files each entry imports comes from the build's
 * `manifest.json`; each file counts once however many entries share it.
 * @param {string} scriptDir the built script folder (`vouch.js`, `widgets/`, `manifest.json`)
 * @returns {ScriptSizes}
 */
export function scriptSizes(scriptDir) {
  const loaderFile = join(scriptDir, 'vouch.js');
  const widgetDir = join(scriptDir, 'widgets');
  const manifestFile = join(scriptDir, 'manifest.json');
  const files = existsSync(widgetDir) ? readdirSync(widgetDir) : [];
  /** @type {Record<string, string[]>} */
  const manifest = existsSync(manifestFile)
    ? JSON.parse(readFileSync(manifestFile, 'utf8'))
    : // A build without a manifest: each entry counts its own file only.
      Object.fromEntries(
        ['runtime', ...WIDGETS].flatMap((name) => {
          const file = chunkOf(files, name, ['runtime', ...WIDGETS]);
          return file ? [[name, [file]]] : [];
        }),
      );
  const loader = existsSync(loaderFile) ? brotliSize(loaderFile) : undefined;
  /** @param {Iterable<string>} names chunk files in `widgets/` */
  const size = (names) => brotliSize(...[...new Set(names)].map((file) => join(widgetDir, file)));
  const runtimeFiles = manifest.runtime ?? [];
  const runtime = manifest.runtime ? size(runtimeFiles) : undefined;
  const built = WIDGETS.filter((name) => manifest[name]);
  const sharedFiles = new Set(
    built
      .flatMap((name) => (manifest[name] ?? []).slice(1))
      .filter((f) => !runtimeFiles.includes(f)),
  );
  const withLoader = (/** @type {number} */ bytes) =>
    loader === undefined || runtime === undefined ? undefined : loader + bytes;
  return {
    loader,
    runtime,
    widgets: new Map(
      WIDGETS.map((name) => {
        const entry = manifest[name]?.[0];
        return [name, entry ? size([entry]) : undefined];
      }),
    ),
    firstPaint: new Map(
      WIDGETS.map((name) => {
        const own = manifest[name];
        return [name, own ? withLoader(size([...runtimeFiles, ...own])) : undefined];
      }),
    ),
    shared: built.length ? size(sharedFiles) : undefined,
    all: built.length ? withLoader(size(Object.values(manifest).flat())) : undefined,
  };
}
