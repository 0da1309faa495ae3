import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptSizes } from '../../bench/scriptSizes.js';

// What a page downloads before its first widget paints (CONTRACT §5), on the built files,
// counted as the benchmark counts it: the loader, the runtime (with the mount machinery and
// the widgets' DOM kit), the widget and every chunk they import, each file brotli'd
// (quality 11) on its own.
// The build's chunks.json says what each chunk imports and holds. Run after building
// @vouch/widget (`pnpm --filter @vouch/widget run build`).
const script = fileURLToPath(new URL('../../packages/widget/dist/script/', import.meta.url));
const KiB = 1024;
/** The contract's first-paint budget of each widget: the NPS prompt has its own. */
const budgetOf = (name: string) => (name === 'nps' ? 10 : 12) * KiB;

/**
 * Widgets whose first paint is still over the contract's budget, with the most they may
 * weigh meanwhile (brotli bytes; lower it whenever a change makes one lighter). None today:
 * every widget stands on loader 2.0 + runtime (client, mount machinery, DOM kit) 6.3 KiB,
 * and the NPS prompt paints with 1.6 KiB of its own (its follow-up loads after).
 */
const OVER_BUDGET: Record<string, number> = {};

let measured: ReturnType<typeof scriptSizes> | undefined;
/** The build's sizes, measured once for the file. */
function sizes() {
  if (!existsSync(`${script}chunks.json`)) {
    throw new Error(`${script}chunks.json is missing: build @vouch/widget first`);
  }
  measured ??= scriptSizes(script);
  return measured;
}
/** The widgets of the build (read when the tests are collected, so each gets its test). */
const built: string[] = existsSync(`${script}manifest.json`)
  ? Object.keys(JSON.parse(readFileSync(`${script}manifest.json`, 'utf8'))).filter(
      (name) => name !== 'runtime',
    )
  : [];
const modulesOf = (files: Iterable<string>) =>
  [...files].flatMap((file) => sizes().chunks[file]?.modules ?? []);
const kib = (bytes: number | undefined) => `${((bytes ?? 0) / KiB).toFixed(1)} KiB`;

// Source modules that record, send or read answers: none may be fetched before a paint.
const AFTER_PAINT =
  /\/core\/src\/(createRecorder|createTransport|createOutbox|createReferralTracker|createSender|createRetryLoop|conversions\/|api\/(createApiClient|requestJson)|guards\/(eventChecks|orderChecks|answerChecks|programChecks|siteConfigCheck)|nps\/(loadNps|createNpsCalls|createNpsAnswers|createNpsSender|createNpsKept|npsRequest|npsAnswerInput))\.ts$|\/runtime\/startRecording\.ts$/;

describe('first paint', () => {
  it('has widgets to measure', () => {
    expect(built.length).toBeGreaterThan(0);
    expect([...sizes().paintPath.keys()].sort()).toEqual([...built].sort());
  });

  const measure = (name: string) => {
    const all = sizes();
    const bytes = all.firstPaint.get(name) ?? Number.NaN;
    const known = [all.loader, all.runtime, all.widgets.get(name)];
    const rest = bytes - known.reduce<number>((total, part) => total + (part ?? 0), 0);
    const parts = `loader ${kib(all.loader)} + runtime (client, mount, DOM kit) ${kib(all.runtime)} + ${name} ${kib(all.widgets.get(name))} + its other chunks ${kib(rest)}`;
    return { bytes, parts };
  };

  for (const name of built) {
    const ceiling = OVER_BUDGET[name];
    if (ceiling === undefined) {
      it(`of ${name} stays within its budget (12 KiB; the NPS prompt 10 KiB)`, () => {
        const { bytes, parts } = measure(name);
        expect(bytes, parts).toBeLessThanOrEqual(budgetOf(name));
      });
      continue;
    }
    // Known to be over: this fails the day the budget holds, so the widget leaves
    // OVER_BUDGET and the test above guards it from then on.
    it.fails(`of ${name} stays within its budget (${kib(budgetOf(name))}): NOT MET YET`, () => {
      const { bytes, parts } = measure(name);
      expect(bytes, parts).toBeLessThanOrEqual(budgetOf(name));
    });
    it(`of ${name} grows no further while over its budget (at most ${kib(ceiling)})`, () => {
      const { bytes, parts } = measure(name);
      expect(bytes, parts).toBeLessThanOrEqual(ceiling);
    });
  }

  it('fetches nothing that records, sends or reads answers before a widget paints', () => {
    for (const name of built) {
      const early = modulesOf(sizes().paintPath.get(name) ?? []);
      expect(
        early.filter((module) => AFTER_PAINT.test(`/${module}`)),
        name,
      ).toEqual([]);
    }
    // The same test finds that code where it is, so this check can fail.
    const everything = modulesOf(Object.keys(sizes().chunks));
    expect(everything.filter((module) => AFTER_PAINT.test(`/${module}`)).length).toBeGreaterThan(8);
  });

  it('keeps Preact off the runtime and every paint', () => {
    const { chunks } = sizes();
    const runtimeFiles = Object.keys(chunks).filter((file) =>
      chunks[file]?.modules.includes('src/runtime/index.ts'),
    );
    expect(runtimeFiles).toHaveLength(1);
    for (const name of built) {
      const early = modulesOf(sizes().paintPath.get(name) ?? []);
      expect(
        early.filter((module) => /^preact\//.test(module)),
        name,
      ).toEqual([]);
    }
    // No built-in widget is written with Preact: the production build holds none of it.
    expect(modulesOf(Object.keys(chunks)).filter((module) => module.startsWith('preact/'))).toEqual(
      [],
    );
  });
});

describe('chunks a page without widgets loads', () => {
  it('import no widget and no Preact', () => {
    const { chunks } = sizes();
    const widgetSide = new Set(
      Object.keys(chunks).filter((file) =>
        chunks[file]?.modules.some((module) => /^src\/widgets\/|^preact\//.test(module)),
      ),
    );
    expect(widgetSide.size).toBeGreaterThan(1);
    for (const [file, note] of Object.entries(chunks)) {
      if (widgetSide.has(file)) continue;
      expect(
        [...note.imports, ...note.dynamicImports].filter((imported) => widgetSide.has(imported)),
        file,
      ).toEqual([]);
    }
  });
});

describe('the runtime', () => {
  it('holds the client, the mount machinery and the DOM kit, and no widget or renderer', () => {
    const modules = sizes().runtimeModules;
    expect(modules).toEqual(
      expect.arrayContaining([
        'src/runtime/index.ts',
        'src/mount.ts',
        'src/attachWidget.ts',
        'src/defineDomWidget.ts',
        'src/dom/tags.ts',
        'src/dom/mountView.ts',
        'src/dom/createLoad.ts',
        '../core/src/createDeferredVouch.ts',
      ]),
    );
    // No library at all: our own modules and core's.
    expect(modules.filter((module) => !/^(src|\.\.\/core\/src)\//.test(module))).toEqual([]);
    expect(
      modules.filter((module) => /^src\/widgets\/|defineWidget|useClientState/.test(module)),
    ).toEqual([]);
  });

  it('stays small: at most 6.5 KiB', () => {
    // The client ≈ 4.7 KiB; the mount machinery (shadow root, sheets, base styles, theme)
    // ≈ 1.3 KiB; the DOM kit ≈ 0.3 KiB; one file, so they compress together.
    expect(sizes().runtime).toBeLessThanOrEqual(6.5 * KiB);
  });
});
