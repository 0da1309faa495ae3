/**
 * Persistent key/value storage as the platform offers it (`localStorage` in browsers).
 * Every method may throw: Safari private mode, sandboxed iframes and full quotas do.
 */
export interface PlatformStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key currently stored, in no particular order. */
  keys(): string[];
}

/**
 * Everything core needs from its environment, in one value. Core never reaches for a
 * global: the browser supplies `createBrowserPlatform()` (from `@vouch/core/browser`),
 * tests supply `createMemoryPlatform()`, other hosts write their own.
 */
export interface Platform {
  /** The `fetch` function (same shape as the global one). */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Persistent storage, or `null` when there is none (or it refuses every write). */
  storage: PlatformStorage | null;
  /** The current page URL. */
  location(): string;
  /** The referring page URL (`document.referrer`), or `''`. */
  referrer(): string;
  /** The current page title, or `''`. */
  title(): string;
  /** Epoch milliseconds. */
  now(): number;
  /** A number in [0, 1), used for retry jitter. */
  random(): number;
  /** A 21-character URL-safe id from a cryptographically strong source. */
  randomId(): string;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Calls `listener` when the page is hidden or unloaded; returns the function that stops. */
  onPageHide(listener: () => void): () => void;
  /** Calls `listener` when the network comes back; returns the function that stops. */
  onOnline(listener: () => void): () => void;
  /** `navigator.sendBeacon` for a text body, or `null` where there is none. */
  sendBeacon: ((url: string, body: string) => boolean) | null;
  /** Reports a problem to the developer (the browser platform uses `console.warn`). */
  warn(message: string): void;
}
