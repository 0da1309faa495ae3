import { arrayOf } from '../guards/check.js';
import type { NpsCalls, NpsCallsParts } from './createNpsCalls.js';

/** The NPS calls of a client's recording half, loaded on first use. */
export interface LazyNps {
  /** The calls, once their code has loaded (it loads on the first call). */
  calls(): Promise<NpsCalls>;
  /** Keeps the time of a purchase for the rules, without loading the NPS code. */
  converted(): void;
  flush(): Promise<void>;
  /** Answers waiting for the server, counted without loading the NPS code. */
  pending(): number;
  destroy(): void;
}

/** Where the NPS calls keep what they keep, in the client's consent-aware storage. */
export interface NpsStorageKeys {
  /** The answers waiting for the server, oldest first (see `createNpsAnswers`). */
  queue: string;
  /** The kept rule state (see `createNpsKept`). */
  state: string;
  /** The time of the visitor's last purchase, read into the kept state. */
  purchase: string;
}

// Given to the lazily loaded code rather than imported by it, so that this small module
// stays in the recording half's chunk instead of becoming a chunk of its own.
const KEYS: NpsStorageKeys = { queue: 'nps:answers', state: 'nps', purchase: 'nps:purchased' };
const anyArray = arrayOf<unknown>(() => {});

/**
 * The recording half's NPS part: a few lines that load the rest (`createNpsCalls`: the
 * rules, the answers' queue and checks) on first use, or at once when answers from an
 * earlier page still wait, so a shop that never shows the prompt never downloads it.
 * A chunk that fails to load rejects the calls waiting for it; the next call tries again.
 */
export function loadNps(parts: NpsCallsParts): LazyNps {
  const { storage } = parts;
  let loading: Promise<NpsCalls> | undefined;
  let destroyed: unknown;
  const calls = () =>
    (loading ??= import('./createNpsCalls.js').then(
      ({ createNpsCalls }) => {
        const created = createNpsCalls(parts, KEYS);
        if (destroyed) created.destroy();
        return created;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const pending = () => storage.get(KEYS.queue, anyArray)?.length ?? 0;
  // Answers from an earlier page: load the code that sends them.
  const started = () => (loading || pending() ? calls() : Promise.reject());
  started().catch(() => undefined);

  return {
    calls,
    converted: () => storage.set(KEYS.purchase, parts.platform.now()),
    flush: () =>
      started().then(
        (nps) => nps.flush(),
        () => undefined,
      ),
    pending,
    destroy() {
      destroyed = started().then(
        (nps) => nps.destroy(),
        () => undefined,
      );
    },
  };
}
