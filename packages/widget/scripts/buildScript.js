// @ts-check
// Builds the script-tag files in two steps per target:
//  1. the runtime and every widget as ES module chunks (`widgets/NAME-HASH.js`, shared code
//     in `widgets/shared-HASH.js`), noting which files each entry needs;
//  2. the loader `vouch.js` as a self-contained IIFE with that note written in, so it can
//     fetch an entry and everything it imports in parallel (the note is also written to
//     `manifest.json`, which the byte budgets and the benchmark read).
// Targets: `dist/script` (production) and `dist/script-test` (the same plus the test-only
// `probe` widget). Every widget is a file in `src/widgets/`; adding one adds its chunk.
//
// What a page downloads before a widget paints is the loader, the runtime (with the mount
// machinery and the widgets' DOM kit), the widget and the chunks it imports (the controls
// several widgets share; Preact only for a widget written with it). Everything else loads
// after: the recording code (page views, landings, conversions), the API calls, the
// senders. `chunkGroups` below keeps
// each shared chunk to what its users need, so that none of it rides along.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const widgetDir = join(packageDir, 'src/widgets');

/** @returns {Record<string, string>} widget name → source file, from `src/widgets/` */
function productionWidgets() {
  if (!existsSync(widgetDir)) return {};
  return Object.fromEntries(
    readdirSync(widgetDir)
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .sort()
      .map((file) => [basename(file, extname(file)), join(widgetDir, file)]),
  );
}

/** @type {import('vite').InlineConfig} */
const shared = {
  configFile: false,
  root: packageDir,
  logLevel: 'warn',
  // Workspace packages from source, like the tests: no prior build of core is needed.
  resolve: { conditions: ['@vouch/source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
};

/** A chunk-group test on module ids, whatever the platform's path separator. */
const ids = (/** @type {RegExp} */ pattern) => (/** @type {string} */ id) =>
  pattern.test(id.replaceAll('\\', '/'));

/**
 * The shared chunks, made on purpose rather than left to the bundler (which would make a
 * small chunk per set of users: a request each before a widget paints). Each group takes
 * the modules its test names and what they import that no earlier group took.
 * @type {import('vite').Rolldown.CodeSplittingGroup[]}
 */
const chunkGroups = [
  {
    // The runtime with everything it imports (the mount machinery among it), the DOM kit
    // every widget is built with, and what the widgets and the later chunks share with it
    // (the lean checks, the kept referral): one file, which compresses better than
    // several. Every page loads it, when idle or for a widget.
    name: 'runtime',
    priority: 4,
    test: ids(/\/src\/runtime\/index\.ts$|\/widget\/src\/(defineDomWidget|dom\/\w+)\.ts$/),
  },
  {
    // Preact (core, hooks, JSX runtime) with its adapter and its bridge to the client, for
    // a widget written with Preact: a chunk of its own that only such widgets import, so
    // that a page without one never fetches it.
    name: 'preact',
    priority: 3,
    test: ids(/\/node_modules\/preact\/|\/widget\/src\/(defineWidget|useClientState)\.tsx?$/),
  },
  {
    // The keys of a dismissed referral banner, which the banner and the conversion sender
    // share (a friend's coupon used dismisses its banner): a file of their own, so that
    // neither the runtime carries them nor a conversion loads the banner.
    name: 'offers',
    priority: 1,
    test: ids(/\/core\/src\/referrals\/offerDismissalKeys\.ts$/),
  },
  {
    // The controls several widgets share (copy field, buttons' styles, loading state).
    name: 'controls',
    priority: 1,
    test: ids(/\/widget\/src\/widgets\/shared\//),
  },
  {
    // A link's share parameters and the channels' names: what the recording code needs
    // for a friend's visit, and the share widget for its links, without every network's
    // share links.
    name: 'share-links',
    priority: 2,
    test: ids(/\/core\/src\/links\/(shareLink|shareChannels|withQuery)\.ts$/),
  },
  {
    // The share links of every network, which the referral card's row gets right after the
    // card paints (its buttons are there already), and the share widget uses.
    name: 'sharing',
    priority: 1,
    test: ids(
      /\/core\/src\/links\/(shareUrl|mastodonInstance)\.ts$|\/widget\/src\/widgets\/referral\/shareLinks\.ts$/,
    ),
  },
  {
    // The referral widget's parts in its own file, also where the NPS prompt's thanks
    // takes a promoter's link and share buttons from (loaded only then): left to itself
    // the bundler split them off into a file the referral card would fetch beside it.
    name: 'referral',
    priority: 0,
    test: ids(/\/widget\/src\/widgets\/referral(\.tsx?|\/)/),
  },
  {
    // A review's card with its words and styles, which the wall and the carousel share.
    name: 'reviews',
    priority: 1,
    test: ids(/\/widget\/src\/widgets\/testimonials\/testimonial(Card|sMessages|sStyles)\.ts$/),
  },
  {
    // Requests, retries and the checks of answers, orders and times: what the API calls,
    // the recording code and the senders share, all loaded after the first paint.
    name: 'requests',
    priority: 1,
    test: ids(
      /\/core\/src\/(api\/requestJson|createRetryLoop|guards\/(orderChecks|isoTimeCheck))\.ts$/,
    ),
  },
];

/**
 * @typedef {object} ChunkNote
 * @property {string[]} imports chunk files it imports (loaded before it runs)
 * @property {string[]} dynamicImports chunk files it may import later
 * @property {string[]} modules the source modules inside, relative to the package
 *   (`src/mount.ts`, `../core/src/createVouch.ts`) or to `node_modules` (`preact/…`)
 */

/** A module id as {@link ChunkNote} names it: no machine path. */
const moduleName = (/** @type {string} */ id) => {
  const path = id.replaceAll('\\', '/');
  const inPackages = path.lastIndexOf('/node_modules/');
  if (inPackages >= 0) return path.slice(inPackages + '/node_modules/'.length);
  return path.startsWith('/') ? relative(packageDir, path).replaceAll('\\', '/') : path;
};

/**
 * Records, for each entry chunk, its file and the files of every chunk it imports (entry
 * first, the others sorted); and, for every chunk, what it imports and holds.
 * @param {Record<string, string[]>} manifest filled in when the bundle is written
 * @param {Record<string, ChunkNote>} notes filled in too
 * @returns {import('vite').Plugin}
 */
function chunkManifest(manifest, notes) {
  return {
    name: 'vouch-chunk-manifest',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' ? [[item.fileName, item]] : [],
        ),
      );
      const local = (/** @type {string} */ file) => file.replace(/^widgets\//, '');
      for (const chunk of chunks.values()) {
        notes[local(chunk.fileName)] = {
          imports: chunk.imports.map(local),
          dynamicImports: chunk.dynamicImports.map(local),
          modules: Object.keys(chunk.modules).map(moduleName).sort(),
        };
        if (!chunk.isEntry) continue;
        const files = new Set([chunk.fileName]);
        for (const file of files)
          for (const imported of chunks.get(file)?.imports ?? []) files.add(imported);
        const [entry = '', ...imported] = [...files].map(local);
        manifest[chunk.name] = [entry, ...imported.sort()];
      }
    },
  };
}

/**
 * The manifest as the loader carries it (`ChunkManifest` in `src/runtime/Runtime.ts`): per
 * name, the entry's hash, then the hashes of the shared chunks it imports, space-separated;
 * a widget's entry leaves the runtime out (the loader fetches it beside every widget).
 * Fails the build if a file is not named as the loader rebuilds it.
 * @param {Record<string, string[]>} manifest name → files, entry first
 * @returns {Record<string, string>}
 */
function loaderManifest(manifest) {
  const hash = (/** @type {string} */ file, /** @type {string} */ prefix) => {
    const found = new RegExp(`^${prefix}-([\\w-]+)\\.js$`).exec(file);
    if (!found?.[1]) throw new Error(`script build: ${file} is not named ${prefix}-HASH.js`);
    return found[1];
  };
  return Object.fromEntries(
    Object.entries(manifest).map(([name, [entry = '', ...imported]]) => [
      name,
      [
        hash(entry, name),
        ...imported
          .filter((file) => !file.startsWith('runtime-'))
          .map((file) => hash(file, 'shared')),
      ].join(' '),
    ]),
  );
}

/**
 * Writes `FILE.br` (brotli, quality 11) and `FILE.gz` beside every script, which the
 * server sends to browsers that accept them. Both are deterministic for the same bytes.
 * @param {string} dir
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js')) continue;
    const path = join(dir, entry);
    const body = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  }
}

/**
 * Builds one target folder.
 * @param {string} outDir relative to the package
 * @param {Record<string, string>} widgets widget name → source file
 */
async function buildTarget(outDir, widgets) {
  /** @type {Record<string, string[]>} */
  const manifest = {};
  /** @type {Record<string, ChunkNote>} */
  const notes = {};
  await build({
    ...shared,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // Library mode: entry exports are kept (the loader needs `start` and `default`) and
      // no preload helper is wrapped around dynamic imports (it touches the page's head).
      lib: {
        entry: {
          runtime: join(packageDir, 'src/runtime/index.ts'),
          ...widgets,
        },
        formats: ['es'],
      },
      rolldownOptions: {
        // The runtime's group may then be its entry file itself, not a chunk behind a
        // one-line entry (a request on every page). Entries may so export more than their
        // own exports; the budget tests check that no later chunk imports a widget's.
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          // Library mode keeps whitespace in ES output unless told otherwise.
          minify: true,
          // `@__PURE__` and similar notes are for a later bundler; these files are final.
          comments: false,
          entryFileNames: 'widgets/[name]-[hash].js',
          chunkFileNames: 'widgets/shared-[hash].js',
          codeSplitting: { groups: chunkGroups },
        },
        plugins: [chunkManifest(manifest, notes)],
      },
    },
  });
  const ordered = Object.fromEntries(
    Object.keys(manifest)
      .sort()
      .map((name) => [name, manifest[name]]),
  );
  await build({
    ...shared,
    define: { __VOUCH_MANIFEST__: JSON.stringify(loaderManifest(ordered)) },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: join(packageDir, 'src/scriptTag.ts'),
        formats: ['iife'],
        name: 'vouchLoader',
        fileName: () => 'vouch.js',
      },
    },
  });
  precompress(join(packageDir, outDir));
  // The same note as a file, for the byte budgets and the benchmark: which files each
  // entry really costs, shared chunks included. The server serves scripts only, not this.
  writeFileSync(join(packageDir, outDir, 'manifest.json'), `${JSON.stringify(ordered, null, 2)}\n`);
  // Every chunk with what it imports and holds, for the same readers: what a page fetches
  // before a widget paints (static imports, and the mount chunk the runtime awaits), what
  // comes after, and what each shared chunk carries.
  const sortedNotes = Object.fromEntries(
    Object.keys(notes)
      .sort()
      .map((file) => [file, notes[file]]),
  );
  writeFileSync(
    join(packageDir, outDir, 'chunks.json'),
    `${JSON.stringify(sortedNotes, null, 2)}\n`,
  );
  return ordered;
}

const widgets = productionWidgets();
const production = await buildTarget('dist/script', widgets);
const test = await buildTarget('dist/script-test', {
  ...widgets,
  probe: join(packageDir, 'test/fixtures/probe.tsx'),
});
console.log(`script build: dist/script ${Object.keys(production).join(', ')}`);
console.log(`script build: dist/script-test ${Object.keys(test).join(', ')}`);
