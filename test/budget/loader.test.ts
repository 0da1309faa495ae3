import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Byte budgets of the script-tag build (CONTRACT §5), checked on the built files: they are
// deterministic, so they belong in CI. Run after `pnpm --filter @vouch/widget run build`.
const script = fileURLToPath(new URL('../../packages/widget/dist/script/', import.meta.url));
const scriptTest = fileURLToPath(
  new URL('../../packages/widget/dist/script-test/', import.meta.url),
);

function read(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: build @vouch/widget first`);
  return readFileSync(path, 'utf8');
}
// zod's own schema code, as core resolves it (packages/core depends on zod).
const zodMini = join(
  dirname(
    createRequire(
      fileURLToPath(new URL('../../packages/core/package.json', import.meta.url)),
    ).resolve('zod/v4/core'),
  ),
  'schemas.js',
);
const brotli = (text: string) =>
  brotliCompressSync(Buffer.from(text), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
const chunk = (dir: string, name: string) => {
  const file = readdirSync(`${dir}widgets`).find(
    (f) => f.startsWith(`${name}-`) && f.endsWith('.js'),
  );
  return read(`${dir}widgets/${file}`);
};

// Traces each library leaves in minified code: zod's internal `_zod` and `Zod…` names,
// Preact's mangled vnode fields and its `diffed` option hook.
const ZOD = /_zod|Zod[A-Z]/;
const PREACT = /\.__k\b|\.__e\b|diffed/;

describe('script-tag loader budget', () => {
  const loader = read(`${script}vouch.js`);

  it('is at most 2 KiB with brotli at quality 11', () => {
    expect(brotli(loader)).toBeLessThanOrEqual(2048);
  });

  it('contains neither zod nor Preact, and the runtime chunk no zod either', () => {
    expect(loader).not.toMatch(ZOD);
    expect(loader).not.toMatch(PREACT);
    // The runtime checks what it reads with core's lean checks, not the zod schemas.
    expect(chunk(script, 'runtime')).not.toMatch(ZOD);
    // The same patterns find the libraries where they are, so these checks can fail.
    expect(read(zodMini)).toMatch(ZOD);
    // (Preact sits in a chunk the widgets share: look through every file the probe imports.)
    const probeFiles = JSON.parse(read(`${scriptTest}manifest.json`)).probe as string[];
    expect(probeFiles.map((file) => read(`${scriptTest}widgets/${file}`)).join('\n')).toMatch(
      PREACT,
    );
  });

  it('is a plain IIFE without eval or new Function', () => {
    expect(loader).toMatch(/^\(function\(\)\{/);
    expect(loader).not.toMatch(/\beval\(|new Function\b/);
  });

  it('names every file of every entry as the build wrote it, the runtime apart', () => {
    const written = /manifest:(\{[^}]*\})/.exec(loader)?.[1];
    // The loader's own literal (hashes only), read back as the browser reads it.
    const carried = new Function(`return ${written}`)() as Record<string, string>;
    const files = JSON.parse(read(`${script}manifest.json`)) as Record<string, string[]>;
    expect(Object.keys(carried)).toEqual(Object.keys(files));
    for (const [name, hashes] of Object.entries(carried)) {
      const rebuilt = hashes
        .split(' ')
        .map((hash, index) => `${index ? 'shared' : name}-${hash}.js`);
      expect(rebuilt, name).toEqual(
        files[name]?.filter((file) => name === 'runtime' || !file.startsWith('runtime-')),
      );
      for (const file of rebuilt) expect(existsSync(`${script}widgets/${file}`), file).toBe(true);
    }
  });

  it('leaves the test-only probe widget out of the production build', () => {
    expect(readdirSync(`${script}widgets`).some((file) => file.startsWith('probe-'))).toBe(false);
    expect(loader).not.toContain('probe');
    expect(read(`${scriptTest}vouch.js`)).toMatch(/probe:`[\w-]+ [\w-]+`/);
  });
});
