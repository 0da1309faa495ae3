import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptSizes } from '../../bench/scriptSizes.js';

// What a page downloads before its first widget paints (CONTRACT §5), on the built files,
// counted as the benchmark counts it: the loader, the runtime, the widget, every chunk they
// import and the mount chunk the runtime awaits, each file brotli'd (quality 11) on its own.
// The build's chunks.json says what each chunk imports and holds. Run after building
// @vouch/widget (`pnpm --filter @vouch/widget run build`).
const script = fileURLToPath(new URL('../../packages/widget/dist/script/', import.meta.url));
const KiB = 1024;
/** The contract's first-paint budget of each widget: the NPS prompt has its own. */
const budgetOf = (name: string) => (name === 'nps' ? 10 : 12) * KiB;

/**
 * Widgets whose first paint is still over the contract's budget, with the most they may
 * weigh meanwhile (brotli bytes; lower it whenever a change makes one lighter). Both
 * stand on loader 2.0 + client runtime 4.7 + widgets base (VanJS and the mount machinery)
 * 2.8 + the shared controls 0.6 KiB: the NPS prompt adds 2.9 (12.9 KiB of its 10), the
 * referral card 3.0 (13.1 KiB of 12). Meeting the budgets needs a lighter runtime, base
 * or widget, which is open work.
 */
const OVER_BUDGET: Record<string, number> = {
  nps: 13_350,
  referral: 13_500,
};

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
    const known = [all.loader, all.runtime, all.base, all.widgets.get(name)];
    const rest = bytes - known.reduce<number>((total, part) => total + (part ?? 0), 0);
    const parts = `loader ${kib(all.loader)} + runtime ${kib(all.runtime)} + widgets base (VanJS, mount) ${kib(all.base)} + ${name} ${kib(all.widgets.get(name))} + its other chunks ${kib(rest)}`;
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

  it('keeps Preact off the runtime and every paint, and the runtime off the widgets base chunk', () => {
    const { chunks } = sizes();
    const runtimeFiles = Object.keys(chunks).filter((file) =>
      chunks[file]?.modules.includes('src/runtime/index.ts'),
    );
    expect(runtimeFiles).toHaveLength(1);
    const seen = new Set(runtimeFiles);
    for (const file of seen) for (const imported of chunks[file]?.imports ?? []) seen.add(imported);
    expect(modulesOf(seen).filter((module) => /^(preact|vanjs-core)\//.test(module))).toEqual([]);
    for (const name of built) {
      const early = modulesOf(sizes().paintPath.get(name) ?? []);
      expect(
        early.filter((module) => module.startsWith('preact/')),
        name,
      ).toEqual([]);
    }
    expect(sizes().baseModules).toContain('src/mount.ts');
    expect(sizes().baseModules.filter((module) => module.includes('/runtime/'))).toEqual([]);
  });
});

describe('chunks a page without widgets loads', () => {
  it('import no widget, no VanJS and no Preact: only the runtime awaits the mount chunk', () => {
    const { chunks } = sizes();
    const widgetSide = new Set(
      Object.keys(chunks).filter((file) =>
        chunks[file]?.modules.some((module) =>
          /^src\/widgets\/|^(preact|vanjs-core)\//.test(module),
        ),
      ),
    );
    const mountChunk = Object.keys(chunks).find((file) =>
      chunks[file]?.modules.includes('src/mount.ts'),
    );
    expect(widgetSide.size).toBeGreaterThan(1);
    for (const [file, note] of Object.entries(chunks)) {
      if (widgetSide.has(file)) continue;
      expect(
        note.imports.filter((imported) => widgetSide.has(imported)),
        file,
      ).toEqual([]);
      const later = note.dynamicImports.filter((imported) => widgetSide.has(imported));
      expect(
        later.filter((imported) => imported !== mountChunk),
        file,
      ).toEqual([]);
    }
  });
});

describe('the widgets base chunk', () => {
  it('holds VanJS and the mount machinery with the van adapter, no Preact, nothing else', () => {
    const modules = sizes().baseModules;
    expect(modules.filter((module) => !module.startsWith('src/'))).toEqual([
      'vanjs-core/src/van.js',
    ]);
    // No Preact (no built-in widget uses it), no core, no widget's own parts: only the
    // package's machinery every widget stands on.
    const ours = modules.filter((module) => module.startsWith('src/'));
    for (const module of ours) {
      expect(module).toMatch(/^src\/([A-Za-z]+|styles\/[A-Za-z]+|van\/[A-Za-z]+)\.ts$/);
    }
    expect(ours).toEqual(
      expect.arrayContaining([
        'src/mount.ts',
        'src/defineVanWidget.ts',
        'src/van/clientState.ts',
        'src/van/loadState.ts',
      ]),
    );
    expect(ours.filter((module) => /defineWidget|useClientState/.test(module))).toEqual([]);
  });

  it('is VanJS plus a little: at most 3 KiB', () => {
    // VanJS is ≈ 1.0 KiB; the mount machinery (shadow root, sheets, base styles and theme)
    // ≈ 1.3 KiB; the van adapter, client state, loads and children ≈ 0.5 KiB.
    expect(sizes().base).toBeLessThanOrEqual(3 * KiB);
  });
});
