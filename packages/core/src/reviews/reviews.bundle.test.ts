import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Rollup } from 'vite';
import { build, defaultClientConditions } from 'vite';
import { describe, expect, it } from 'vitest';

// What a wall, a badge or a review form downloads for the testimonial rules: each module
// bundled and minified alone, as a widget chunk takes it. The schemas stay on the server
// side of the wire: zod must never come along (the lean checks stand in for it).

const modules = {
  aggregateRating: './aggregateRating.ts',
  reviewJsonLd: './reviewJsonLd.ts',
  serializeJsonLd: './serializeJsonLd.ts',
  testimonialChecks: '../guards/testimonialChecks.ts',
  testimonialInputCheck: '../guards/testimonialInputCheck.ts',
};
// Each alone, with what it imports: the checks carry the shared check helpers and the ISO
// time pattern (the pattern alone is about 370 B), which the client has already loaded.
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

describe('testimonial code in a page', () => {
  it('brings no zod, and the answers’ checks leave the form’s behind', async () => {
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
    expect(codes.testimonialChecks).not.toMatch(/agrees to publish/);
    // The same pattern finds the form's check where it is, so the one above can fail.
    expect(codes.testimonialInputCheck).toMatch(/agrees to publish/);
  }, 30_000);
});
