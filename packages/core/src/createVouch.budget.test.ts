import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Rollup } from 'vite';
import { build, defaultClientConditions } from 'vite';
import { describe, expect, it } from 'vitest';

// What a page downloads for the client, bundled and minified as a script build would.
// zod must never be in it (the lean checks stand in for the schemas), nor the request
// code, which is imported on first use.
//
// Before a widget paints, a page needs only the client without its recording half
// (createDeferredVouch): no event outbox, no conversion queue, none of their checks
// (the ISO time pattern, the ISO 4217 table). It was 6 KiB when it was createVouch whole.
const PAINT_BUDGET = 4 * 1024;
// createVouch whole, as an npm user's bundle takes it: the recording half comes too (a
// page view and a purchase are checked and queued in storage synchronously so that none
// is lost); sending, retrying, reading answers and the API calls still load on first use.
// The NPS calls add their facade and loader and the shared lazy-loading helper (about
// 400 B with its chunk); their rules, queue and checks load on first use. The stubs of the
// testimonial and share calls and the loader of a friend's visit report (a shared link)
// brought it to 7 KiB exactly: 7,300 B leaves room for the hashed chunk names, which
// compress a few bytes differently from one build to the next.
const WHOLE_BUDGET = 7300;

const entries = {
  paint: fileURLToPath(new URL('./testing/paintClientEntry.ts', import.meta.url)),
  whole: fileURLToPath(new URL('./testing/clientEntry.ts', import.meta.url)),
};
const brotli = (code: string) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The entry with the chunks it imports (one text), and the chunks it loads later. */
async function bundle(entry: string) {
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
  const chunks = outputs.flatMap((output) => output.output).filter((item) => item.type === 'chunk');
  const entryChunk = chunks.find((chunk) => chunk.isEntry);
  const eagerNames = new Set([entryChunk?.fileName, ...(entryChunk?.imports ?? [])]);
  return {
    eager: chunks
      .filter((chunk) => eagerNames.has(chunk.fileName))
      .map((c) => c.code)
      .join('\n'),
    lazy: chunks.filter((chunk) => !eagerNames.has(chunk.fileName)).map((c) => c.code),
  };
}

describe('client bundle', () => {
  it(`keeps createDeferredVouch + createBrowserPlatform under ${PAINT_BUDGET} bytes (brotli) before paint`, async () => {
    const { eager, lazy } = await bundle(entries.paint);
    console.info(
      `client before paint: eager ${brotli(eager)} B, lazy ${lazy.map((c) => brotli(c)).join(' + ')} B (brotli 11)`,
    );
    expect(brotli(eager)).toBeLessThanOrEqual(PAINT_BUDGET);
    expect(eager).not.toMatch(/_zod|ZodError/);
    expect(eager).not.toMatch(/Retry-After|keepalive/);
    // Nor the answers' checks, the referral-program checks, the events' or orders' checks,
    // the outbox or the conversion queue.
    expect(eager).not.toMatch(
      /unknown reward status|expected "percent"|unknown event type|ISO 4217|decimals in|outbox|conversions/,
    );
    // The same patterns find that code where it is, so these checks can fail.
    const whole = await bundle(entries.whole);
    expect(whole.eager).toMatch(/unknown event type/);
    expect(whole.eager).toMatch(/ISO 4217/);
    expect(whole.eager).toMatch(/outbox/);
    expect(lazy.join('\n')).toMatch(/keepalive/);
    expect(lazy.join('\n')).toMatch(/expected "percent"/);
  }, 30_000);

  it(`keeps createVouch + createBrowserPlatform under ${WHOLE_BUDGET} bytes (brotli)`, async () => {
    const { eager, lazy } = await bundle(entries.whole);
    console.info(
      `client whole: eager ${brotli(eager)} B, lazy ${lazy.map((c) => brotli(c)).join(' + ')} B (brotli 11)`,
    );
    expect(brotli(eager)).toBeLessThanOrEqual(WHOLE_BUDGET);
    expect(eager).not.toMatch(/_zod|ZodError/);
    expect(eager).not.toMatch(/Retry-After|keepalive/);
    expect(eager).not.toMatch(/unknown reward status|decimals in|expected "percent"/);
    expect(lazy.join('\n')).toMatch(/keepalive/);
  }, 30_000);
});
