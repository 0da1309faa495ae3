import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Rollup } from 'vite';
import { build, defaultClientConditions } from 'vite';
import { describe, expect, it } from 'vitest';

// What a page downloads for the client before a widget paints: createVouch and the
// browser platform, bundled and minified as a script build would. zod must not be in
// it (the lean checks stand in for the schemas there), nor the request code, which is
// imported on first use. It was 5 KiB before referrals; conversions now need about
// 1 KiB more here: a purchase is validated (with the ISO 4217 table) and queued in
// storage synchronously so that none is lost, while sending, retrying, reading answers
// and the API calls load on first use.
const EAGER_BUDGET = 6 * 1024;

const entry = fileURLToPath(new URL('./testing/clientEntry.ts', import.meta.url));
const brotli = (code: string) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundle() {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@vouch/source', ...defaultClientConditions] },
    build: {
      write: false,
      // Library mode, as the script build bundles it: no app preload helper.
      lib: { entry, formats: ['es'] },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs.flatMap((output) => output.output).filter((item) => item.type === 'chunk');
}

describe('client bundle', () => {
  it(`keeps createVouch + createBrowserPlatform under ${EAGER_BUDGET} bytes (brotli) before paint`, async () => {
    const chunks = await bundle();
    const entryChunk = chunks.find((chunk) => chunk.isEntry);
    expect(entryChunk).toBeDefined();
    const eagerNames = new Set([entryChunk?.fileName, ...(entryChunk?.imports ?? [])]);
    const eager = chunks
      .filter((chunk) => eagerNames.has(chunk.fileName))
      .map((c) => c.code)
      .join('\n');
    const lazy = chunks.filter((chunk) => !eagerNames.has(chunk.fileName));

    console.info(
      `client: eager ${brotli(eager)} B, lazy ${lazy.map((c) => brotli(c.code)).join(' + ')} B (brotli 11)`,
    );
    expect(brotli(eager)).toBeLessThanOrEqual(EAGER_BUDGET);
    expect(eager).not.toMatch(/_zod|ZodError/);
    expect(eager).not.toMatch(/Retry-After|keepalive/);
    // Nor the answers' checks, the decimals table or the referral-program checks.
    expect(eager).not.toMatch(/unknown reward status|decimals in|expected "percent"/);
    expect(lazy.map((c) => c.code).join('\n')).toMatch(/keepalive/);
  }, 30_000);
});
