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
 * What the build's `chunks.json` says of one chunk.
 * @typedef {object} ChunkNote
 * @property {string[]} imports
 * @property {string[]} dynamicImports
 * @property {string[]} modules
 */

/**
 * Source modules that mark a chunk loaded by a later `import()`, after the first paint, and
 * when. (The mount machinery is in the runtime's own file.)
 */
const MARKERS = {
  recording: 'src/runtime/startRecording.ts',
  api: '../core/src/api/createApiClient.ts',
  events: '../core/src/createSender.ts',
  conversions: '../core/src/conversions/createConversionSender.ts',
};

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
 *   it imports: what every page downloads after the loader (when idle, or for a widget),
 *   the mount machinery and the widgets' DOM kit among it
 * @property {string[]} runtimeModules the source modules of those files
 * @property {Map<string, number | undefined>} widgets brotli bytes of each widget's own
 *   chunk: what one more widget type costs once the shared chunks are there; undefined
 *   for a widget that is not built yet
 * @property {Map<string, number | undefined>} firstPaint every file a page showing only
 *   that widget requests before it paints: the loader, the runtime, the widget and every
 *   chunk they import
 * @property {Map<string, string[]>} paintPath those files for each built widget, the
 *   loader left out (chunk files in `widgets/`)
 * @property {Record<string, ChunkNote>} chunks the build's `chunks.json` (empty without)
 * @property {Map<string, number>} later brotli bytes of the chunks loaded after the first
 *   paint, beyond what is loaded before it: `recording` (page views, landings,
 *   conversions: every page, once the runtime runs), `api` (a widget's first read),
 *   `events` and `conversions` (the senders)
 * @property {number | undefined} shared brotli bytes of the chunks widgets import that the
 *   runtime does not (the widgets' common parts, such as the copy field), loaded once
 * @property {number | undefined} all the loader and every chunk of the build: what a page
 *   with every widget may download in all
 */

/**
 * Brotli sizes of the script-tag build: the loader, the runtime, each widget alone and
 * with everything it needs before it paints, and what comes after. Which files import
 * which comes from the build's `chunks.json` (without it, from `manifest.json`); each
 * file counts once however many entries share it, compressed on its own as it is fetched.
 * @param {string} scriptDir the built script folder (`vouch.js`, `widgets/`, `manifest.json`)
 * @returns {ScriptSizes}
 */
export function scriptSizes(scriptDir) {
  const loaderFile = join(scriptDir, 'vouch.js');
  const widgetDir = join(scriptDir, 'widgets');
  const manifestFile = join(scriptDir, 'manifest.json');
  const notesFile = join(scriptDir, 'chunks.json');
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
  /** @type {Record<string, ChunkNote>} */
  const notes = existsSync(notesFile) ? JSON.parse(readFileSync(notesFile, 'utf8')) : {};
  /** `start` and the files it imports, however deep (the manifest's lists when no notes). */
  const closure = (/** @type {Iterable<string>} */ start) => {
    const found = new Set(start);
    for (const file of found)
      for (const imported of notes[file]?.imports ?? []) found.add(imported);
    return found;
  };
  /** The chunk holding `module`, if the build has notes. */
  const holding = (/** @type {string} */ module) =>
    Object.keys(notes).find((file) => notes[file]?.modules.includes(module));
  const loader = existsSync(loaderFile) ? brotliSize(loaderFile) : undefined;
  /** @param {Iterable<string>} names chunk files in `widgets/` */
  const size = (names) => brotliSize(...[...new Set(names)].map((file) => join(widgetDir, file)));

  const runtimeFiles = manifest.runtime ? closure(manifest.runtime) : new Set();
  const runtime = manifest.runtime ? size(runtimeFiles) : undefined;
  const built = WIDGETS.filter((name) => manifest[name]);
  /** Everything a page with only `name` fetches before it paints. */
  const paintFiles = (/** @type {string} */ name) =>
    closure([...runtimeFiles, ...(manifest[name] ?? [])]);
  const beforePaint = new Set(built.flatMap((name) => [...paintFiles(name)]));
  const sharedFiles = new Set(
    built
      .flatMap((name) => [...closure(manifest[name] ?? [])].slice(1))
      .filter((file) => !runtimeFiles.has(file)),
  );
  /** @type {Map<string, number>} */
  const later = new Map();
  const counted = new Set(beforePaint);
  for (const [name, module] of Object.entries(MARKERS)) {
    const chunk = holding(module);
    if (!chunk) continue;
    const extra = [...closure([chunk])].filter((file) => !counted.has(file));
    for (const file of extra) counted.add(file);
    later.set(name, size(extra));
  }
  const withLoader = (/** @type {number} */ bytes) =>
    loader === undefined || runtime === undefined ? undefined : loader + bytes;
  return {
    loader,
    runtime,
    runtimeModules: [...runtimeFiles].flatMap((file) => notes[file]?.modules ?? []),
    widgets: new Map(
      WIDGETS.map((name) => {
        const entry = manifest[name]?.[0];
        return [name, entry ? size([entry]) : undefined];
      }),
    ),
    firstPaint: new Map(
      WIDGETS.map((name) => [
        name,
        manifest[name] ? withLoader(size(paintFiles(name))) : undefined,
      ]),
    ),
    paintPath: new Map(built.map((name) => [name, [...paintFiles(name)]])),
    chunks: notes,
    later,
    shared: built.length ? size(sharedFiles) : undefined,
    all: files.length ? withLoader(size(files.filter((file) => file.endsWith('.js')))) : undefined,
  };
}
