import type { VouchDatabase } from '../db/openDatabase.js';
import { findSiteByPublicKey } from '../sites/findSiteByPublicKey.js';
import { isKnownOrigin } from '../sites/isKnownOrigin.js';
import type { Site } from '../sites/Site.js';

/** Site look-ups for the browser API, cached briefly. */
export interface SiteDirectory {
  byPublicKey(publicKey: string): Promise<Site | undefined>;
  isKnownOrigin(origin: string): Promise<boolean>;
  /**
   * Drops what is kept of a site and of origins, after this instance changed them, so it
   * sees its own change at once (other instances within `ttlMs`).
   */
  forget(publicKey: string, origins?: readonly string[]): void;
}

export interface SiteDirectoryOptions {
  database: VouchDatabase;
  /** How long an answer is reused; 0 asks the database every time. */
  ttlMs: number;
  /** Most answers kept; the oldest go first. @default 10000 */
  maxEntries?: number;
  now: () => number;
}

/**
 * Every browser call needs its site, and a query per request would cost more than the
 * write it guards. Answers (also "no such site") are kept for `ttlMs` per app instance,
 * so a change made elsewhere (another instance, the CLI) is seen within that time.
 * Concurrent look-ups of one key share one query. Bounded, so random keys cannot grow it
 * without end.
 */
export function createSiteDirectory(options: SiteDirectoryOptions): SiteDirectory {
  const { database, ttlMs, now } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { value: Promise<unknown>; expires: number }>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (ttlMs <= 0) return load();
    const hit = cache.get(key);
    if (hit && hit.expires > now()) return hit.value as Promise<T>;
    cache.delete(key);
    const value = load();
    cache.set(key, { value, expires: now() + ttlMs });
    // A failed look-up (database down) must not be remembered.
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return value;
  }

  return {
    byPublicKey: (publicKey) =>
      cached(`key:${publicKey}`, () => findSiteByPublicKey(database, publicKey)),
    isKnownOrigin: (origin) => cached(`origin:${origin}`, () => isKnownOrigin(database, origin)),
    forget(publicKey, origins = []) {
      cache.delete(`key:${publicKey}`);
      for (const origin of origins) cache.delete(`origin:${origin}`);
    },
  };
}
