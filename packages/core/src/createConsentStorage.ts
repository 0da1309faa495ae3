import { type Check, oneOf, validate } from './guards/check.js';
import type { PlatformStorage } from './platform.js';

/** Where the shopper stands on storage consent. */
export type ConsentState = 'granted' | 'denied' | 'unset';

/** Options of {@link createConsentStorage}. */
export interface ConsentStorageOptions {
  /** Persistent storage, or `null` to stay in memory. */
  storage: PlatformStorage | null;
  /** Key prefix; everything this store writes starts with it. Must start with `vouch:`. */
  namespace: string;
  /** Whether nothing may be persisted before `grant()`. @default false */
  consentRequired?: boolean;
  /** Told once when persistent storage fails and the store falls back to memory. */
  onFallback?: (error: unknown) => void;
}

/** A JSON key/value store that persists only what consent allows. */
export interface ConsentStorage {
  /** The value under `key` if it passes `check`; a value that does not is removed. */
  get<T>(key: string, check: Check<T>): T | null;
  /** Stores `value` as JSON. */
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Allows persistence: moves what was kept in memory to storage, and remembers it. */
  grant(): void;
  /** Withdraws consent: removes everything persisted under the namespace, keeps it in memory. */
  revoke(): void;
  consent(): ConsentState;
  /** Whether writes currently reach persistent storage. */
  persistent(): boolean;
}

const CONSENT_KEY = 'consent';
const grantedCheck = oneOf(['granted'], 'expected "granted"');

/**
 * A key/value store over `storage` that writes nothing persistent before consent when
 * the site requires it. Until then values live in memory; `grant()` moves them over,
 * `revoke()` wipes the namespace from storage and goes back to memory. Storage that
 * throws (quota, private mode, sandbox) makes the store fall back to memory for good.
 */
export function createConsentStorage(options: ConsentStorageOptions): ConsentStorage {
  const { namespace, consentRequired = false, onFallback } = options;
  let storage = options.storage;
  const memory = new Map<string, string>();

  const fail = (error: unknown) => {
    if (!storage) return;
    storage = null;
    onFallback?.(error);
  };
  const attempt = <T>(run: (store: PlatformStorage) => T): T | undefined => {
    if (!storage) return undefined;
    try {
      return run(storage);
    } catch (error) {
      fail(error);
      return undefined;
    }
  };
  const readRaw = (key: string) => attempt((store) => store.get(namespace + key)) ?? null;
  const ownKeys = () =>
    (attempt((store) => store.keys()) ?? []).filter((key) => key.startsWith(namespace));

  const parse = <T>(raw: string | null, check: Check<T>): T | null => {
    if (raw === null) return null;
    try {
      const result = validate(check, JSON.parse(raw));
      return result.ok ? result.value : null;
    } catch {
      return null;
    }
  };

  let state: ConsentState = parse(readRaw(CONSENT_KEY), grantedCheck) ? 'granted' : 'unset';
  const persistent = () =>
    storage !== null && (state === 'granted' || (state === 'unset' && !consentRequired));

  const setRaw = (key: string, raw: string) => {
    if (persistent()) {
      attempt((store) => store.set(namespace + key, raw));
      if (storage) return void memory.delete(key);
    }
    memory.set(key, raw);
  };

  const remove = (key: string) => {
    memory.delete(key);
    if (persistent()) attempt((store) => store.remove(namespace + key));
  };

  return {
    get(key, check) {
      const raw = memory.get(key) ?? (persistent() ? readRaw(key) : null);
      const value = parse(raw, check);
      // Never cast what fails validation: drop it so it cannot fail again.
      if (value === null && raw !== null) remove(key);
      return value;
    },
    set(key, value) {
      setRaw(key, JSON.stringify(value));
    },
    remove,
    grant() {
      state = 'granted';
      const pending = [...memory];
      memory.clear();
      for (const [key, raw] of pending) setRaw(key, raw);
      setRaw(CONSENT_KEY, JSON.stringify('granted'));
    },
    revoke() {
      // Keep this page working from memory, but leave nothing behind in storage.
      const wasPersistent = persistent();
      for (const key of ownKeys()) {
        const name = key.slice(namespace.length);
        const raw = attempt((store) => store.get(key)) ?? null;
        if (wasPersistent && raw !== null && !memory.has(name)) memory.set(name, raw);
        attempt((store) => store.remove(key));
      }
      memory.delete(CONSENT_KEY);
      state = 'denied';
    },
    consent: () => state,
    persistent,
  };
}
