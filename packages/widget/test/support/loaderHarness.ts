import { createLoader, type VouchFunction } from '../../src/loader/createLoader.js';
import type { ChunkManifest } from '../../src/runtime/Runtime.js';

/** `window.vouch` as the merchant's snippet leaves it: a stub that queues its calls. */
export interface VouchStub {
  (...args: unknown[]): void;
  q?: IArguments[];
}

type Slot = { vouch?: VouchStub | VouchFunction };

/** Installs the exact queue stub of the snippet (CONTRACT §2) and returns it. */
export function installStub(): VouchStub {
  const stub: VouchStub = function (this: unknown) {
    stub.q = stub.q || [];
    // biome-ignore lint/complexity/noArguments: the snippet queues `arguments` objects
    stub.q.push(arguments);
  };
  (window as unknown as Slot).vouch = stub;
  return stub;
}

/** Forgets any installed loader, as a fresh page would. */
export function resetWindow(): void {
  delete (window as unknown as Slot).vouch;
}

/** The window's `vouch`. */
export function vouch(): VouchFunction {
  return (window as unknown as Slot).vouch as VouchFunction;
}

/** What the test's `importModule` does for each chunk file name prefix. */
export type ChunkSources = Record<string, () => Promise<unknown>>;

/** The files of the test manifest: one per name, `NAME-test.js`. */
export function testManifest(names: readonly string[]): ChunkManifest {
  return Object.fromEntries(names.map((name) => [name, 'test']));
}

/** The real modules behind the test chunk names (the runtime entry and the probe widget). */
export const realChunks: ChunkSources = {
  runtime: () => import('../../src/runtime/index.js'),
  probe: () => import('../fixtures/probe.js'),
};

/**
 * Installs a loader as the script tag would, with `import()` replaced by a lookup of the
 * real modules by file name, so the loader runs in happy-dom without a server for chunks.
 * Every URL asked for is recorded in `imports`.
 */
export function startLoader(options: {
  site?: string;
  endpoint: string;
  chunks?: ChunkSources;
  manifest?: ChunkManifest;
  attributes?: Record<string, string>;
}) {
  const chunks = options.chunks ?? realChunks;
  const imports: string[] = [];
  const script = document.createElement('script');
  script.setAttribute('src', `${options.endpoint}/v1/vouch.js`);
  if (options.site) script.setAttribute('data-site', options.site);
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    script.setAttribute(name, value);
  }
  const loaded = createLoader({
    manifest: options.manifest ?? testManifest(Object.keys(chunks)),
    script,
    importModule: (url) => {
      imports.push(url);
      const file = new URL(url).pathname.split('/').pop() ?? '';
      const source = chunks[file.replace(/-test\.js$/, '')];
      return source ? source() : Promise.reject(new Error(`404 ${url}`));
    },
  });
  return { vouch: loaded, imports };
}
