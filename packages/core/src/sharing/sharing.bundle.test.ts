import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Rollup } from 'vite';
import { build, defaultClientConditions } from 'vite';
import { describe, expect, it } from 'vitest';

// What a share row downloads for its links and words: each module bundled and minified
// alone, as a widget chunk takes it. None of it is in the client (createVouch), which
// must not grow: the widgets that share import these on their own.
const modules = {
  shareUrl: '../links/shareUrl.ts',
  shareLink: '../links/shareLink.ts',
  shareText: './shareText.ts',
};
const BUDGET = 1.5 * 1024;
const brotli = (code: string) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundle(path: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@vouch/source', ...defaultClientConditions] },
    build: {
      write: false,
      lib: { entry: fileURLToPath(new URL(path, import.meta.url)), formats: ['es'] },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((output) => output.output)
    .map((item) => (item.type === 'chunk' ? item.code : ''))
    .join('\n');
}

describe('sharing code in a page', () => {
  it(`keeps each module under ${BUDGET} bytes (brotli), without zod`, async () => {
    const codes = Object.fromEntries(
      await Promise.all(
        Object.entries(modules).map(async ([name, path]) => [name, await bundle(path)] as const),
      ),
    );
    console.info(
      Object.entries(codes)
        .map(([name, code]) => `${name} ${brotli(code)} B`)
        .join(', '),
      '(brotli 11)',
    );
    for (const code of Object.values(codes)) {
      expect(code).not.toMatch(/_zod|ZodError|zod/);
      expect(brotli(code)).toBeLessThanOrEqual(BUDGET);
    }
    // The share words do not bring the links, nor the links the words.
    expect(codes.shareText).not.toMatch(/bsky\.app/);
    expect(codes.shareUrl).not.toMatch(/Disclosure/);
    expect(codes.shareLink).toMatch(/utm_medium|utm_/);
  }, 30_000);
});
