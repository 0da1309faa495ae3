import type { ConsentStorage } from './createConsentStorage.js';
import { num, recordOf } from './guards/check.js';

/** What the shopper closed for good, such as a referral banner. */
export interface Dismissals {
  /** Remembers that `key` was dismissed. Throws a `TypeError` for a key that is not 1–200 characters. */
  dismiss(key: string): void;
  /** Whether `key` was dismissed (on this device once kept, or on this page before consent). */
  dismissed(key: string): boolean;
}

// Enough for every banner and prompt a shop shows; the oldest are forgotten past it.
const MAX_KEPT = 50;
const dismissedCheck = recordOf(num(0, Number.MAX_SAFE_INTEGER, false, 'must be a time in ms'));

/**
 * Dismissals kept in consent-aware storage (in memory only until consent where the site
 * requires it, wiped when consent is withdrawn), with the time of each, newest first.
 * @param now epoch milliseconds, the platform's clock
 */
export function createDismissals(storage: ConsentStorage, now: () => number): Dismissals {
  const read = () => storage.get('dismissed', dismissedCheck) ?? {};
  return {
    dismiss(key) {
      if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
        throw new TypeError('[vouch] dismiss: "key" must be a string of 1–200 characters');
      }
      const kept = Object.entries(read())
        .filter(([other]) => other !== key)
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_KEPT - 1);
      storage.set('dismissed', Object.fromEntries([[key, now()], ...kept]));
    },
    dismissed: (key) => Object.hasOwn(read(), key),
  };
}
