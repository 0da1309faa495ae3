import type { ChunkManifest } from '../runtime/Runtime.js';

/**
 * Creates `load(name)`: imports a chunk and the chunks it imports all at once, and
 * resolves to the entry's module. A load in flight or done is shared; a failed one is
 * forgotten, so the next call (the next mount) tries again. The retried entry gets a fresh
 * URL in case the browser remembers the failure; the chunks it imports keep theirs, or
 * they would load twice (two Preact copies break hooks).
 * @param manifest chunk hashes per name, the entry's first (see {@link ChunkManifest})
 * @param importModule loads an ES module by URL; the script tag passes `(url) => import(url)`
 * @param base the folder URL of the chunks, read at each load (`init` may set the endpoint)
 */
export function createChunkLoader(
  manifest: ChunkManifest,
  importModule: (url: string) => Promise<unknown>,
  base: () => string,
): (name: string) => Promise<unknown> {
  const loads = new Map<string, Promise<unknown>>();
  // Counts failures of any chunk: an entry is only ever imported again after its own
  // failure, so a count shared by all is enough to make each retry's URL new.
  let failures = 0;
  return (name) => {
    let load = loads.get(name);
    if (!load) {
      load = Promise.all(
        (manifest[name]?.split(' ') ?? []).map((hash, index) =>
          importModule(
            `${base()}${index ? 'shared' : name}-${hash}.js${failures && !index ? `?retry=${failures}` : ''}`,
          ),
        ),
      ).then((modules) => modules[0]);
      loads.set(name, load);
      load.catch(() => {
        loads.delete(name);
        failures++;
      });
    }
    return load;
  };
}
