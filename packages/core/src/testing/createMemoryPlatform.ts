import type { Platform, PlatformStorage } from '../platform.js';

/** Options of {@link createMemoryPlatform}. */
export interface MemoryPlatformOptions {
  /** The current page URL. @default 'https://shop.example/' */
  url?: string;
  /** @default '' */
  referrer?: string;
  /** @default '' */
  title?: string;
  /** Start of the fake clock, epoch ms. @default Date.UTC(2026, 0, 1) */
  now?: number;
  /**
   * Backing map of the storage. Pass the same map to a second platform to simulate a
   * reload; pass `null` for a platform without storage. @default a new Map
   */
  storage?: Map<string, string> | null;
  /** @default a fetch that rejects, as when offline */
  fetch?: Platform['fetch'];
  /** `null` for a platform without beacons. @default records the beacon and accepts it */
  sendBeacon?: Platform['sendBeacon'];
  /** @default () => 0.5 */
  random?: () => number;
}

/** A beacon the memory platform accepted. */
export interface RecordedBeacon {
  url: string;
  body: string;
}

/** A {@link Platform} held in memory, with a fake clock and hooks to drive it in tests. */
export interface MemoryPlatform extends Platform {
  /** The map behind `storage` (or `null`). */
  readonly data: Map<string, string> | null;
  /** Every message passed to `warn`. */
  readonly warnings: string[];
  /** Every beacon sent through the default `sendBeacon`. */
  readonly beacons: RecordedBeacon[];
  /** Moves the clock forward, firing due timers in order (also those they schedule). */
  advance(ms: number): void;
  /** How many timers are waiting. */
  timers(): number;
  setLocation(url: string): void;
  setReferrer(referrer: string): void;
  setTitle(title: string): void;
  /** Fires the page-hide listeners. */
  hide(): void;
  /** Fires the online listeners. */
  goOnline(): void;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A platform for tests and non-browser hosts: in-memory storage, a fake clock whose
 * timers fire on `advance(ms)`, a settable location and a pluggable fetch. Ids are
 * deterministic (a counter) so that tests can name them.
 */
export function createMemoryPlatform(options: MemoryPlatformOptions = {}): MemoryPlatform {
  let url = options.url ?? 'https://shop.example/';
  let referrer = options.referrer ?? '';
  let title = options.title ?? '';
  let clock = options.now ?? Date.UTC(2026, 0, 1);
  let seq = 0;
  let ids = 0;
  const timers = new Map<number, Timer>();
  const hideListeners = new Set<() => void>();
  const onlineListeners = new Set<() => void>();
  const data = options.storage === undefined ? new Map<string, string>() : options.storage;
  const warnings: string[] = [];
  const beacons: RecordedBeacon[] = [];

  const storage: PlatformStorage | null = data && {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };

  const listen = (set: Set<() => void>, listener: () => void) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    data,
    warnings,
    beacons,
    storage,
    fetch: options.fetch ?? (() => Promise.reject(new TypeError('fetch failed: offline'))),
    location: () => url,
    referrer: () => referrer,
    title: () => title,
    now: () => clock,
    random: options.random ?? (() => 0.5),
    randomId: () => `m${String(++ids).padStart(20, '0')}`,
    setTimeout(fn, ms) {
      const handle = ++seq;
      timers.set(handle, { at: clock + Math.max(0, ms), seq: handle, fn });
      return handle;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    onPageHide: (listener) => listen(hideListeners, listener),
    onOnline: (listener) => listen(onlineListeners, listener),
    sendBeacon:
      options.sendBeacon === undefined
        ? (beaconUrl, body) => {
            beacons.push({ url: beaconUrl, body });
            return true;
          }
        : options.sendBeacon,
    warn: (message) => void warnings.push(message),
    advance(ms) {
      const end = clock + ms;
      for (;;) {
        let next: [number, Timer] | undefined;
        for (const entry of timers) {
          if (entry[1].at > end) continue;
          if (
            !next ||
            entry[1].at < next[1].at ||
            (entry[1].at === next[1].at && entry[1].seq < next[1].seq)
          )
            next = entry;
        }
        if (!next) break;
        timers.delete(next[0]);
        clock = next[1].at;
        next[1].fn();
      }
      clock = end;
    },
    timers: () => timers.size,
    setLocation(next) {
      url = next;
    },
    setReferrer(next) {
      referrer = next;
    },
    setTitle(next) {
      title = next;
    },
    hide: () => {
      for (const listener of [...hideListeners]) listener();
    },
    goOnline: () => {
      for (const listener of [...onlineListeners]) listener();
    },
  };
}
