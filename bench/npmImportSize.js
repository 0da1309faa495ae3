import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'vite';

/**
 * What an app imports from `@vouch/widget` to use one widget, whose npm import is
 * budgeted: a Preact component, or a widget module with `mount` to put it on an element.
 */
export const NPM_COMPONENTS = [
  'NpsPrompt',
  'ReferralBanner',
  'ReferralCard',
  'mount, ratingWidget',
  'mount, testimonialsWidget',
  'mount, carouselWidget',
  'mount, reviewFormWidget',
  'mount, shareWidget',
];

/**
 * Brotli bytes (quality 11) of what an app ships when it imports one component from
 * `@vouch/widget`, Preact excluded (CONTRACT §5: ≤ 6 KiB). Built as an app's production
 * build builds it: the package's built `dist` entry (with @vouch/core inside), one
 * component imported, Preact left to the app, minified, as an app (not a library, which
 * would keep whitespace and module comments for a later bundler). What the component
 * loads later on its own (a promoter's share buttons) is not counted.
 * @param {string} widgetDir the package folder, with `dist/` built
 * @param {string} name the component, or the names imported together (`mount, ratingWidget`)
 * @returns {Promise<{ bytes: number, code: string }>}
 */
export async function npmImportSize(widgetDir, name) {
  const work = mkdtempSync(join(tmpdir(), 'vouch-npm-import-'));
  try {
    const entry = join(work, `${name.replace(/\W+/g, '-')}.js`);
    writeFileSync(entry, `export { ${name} } from '@vouch/widget';\n`);
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: widgetDir,
      // The package's own entry as its `exports` give it to an app (the built `dist`).
      resolve: { alias: { '@vouch/widget': join(widgetDir, 'dist/index.js') } },
      build: {
        write: false,
        minify: true,
        modulePreload: false,
        rolldownOptions: {
          input: entry,
          // What the app uses: keep its exports, as the app's code would.
          preserveEntrySignatures: 'exports-only',
          external: (id) => /^(preact|@preact\/signals)(\/|$)/.test(id),
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((out) =>
      'output' in out ? out.output : [],
    );
    const main = outputs.find((item) => item.type === 'chunk' && item.isEntry);
    if (main?.type !== 'chunk') throw new Error(`no entry chunk for ${name}`);
    const bytes = brotliCompressSync(Buffer.from(main.code), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    return { bytes, code: main.code };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
