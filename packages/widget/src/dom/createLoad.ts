import type { OnUnmount } from './OnUnmount.js';

/** Where an asynchronous load stands. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown };

/** What {@link createLoad} returns. */
export interface Load<T> {
  /** Where the latest load stands. */
  state(): LoadState<T>;
  /**
   * Loads for `key` unless the latest load already is for it (a view may call this each
   * time it is built, with the key it shows: the shopper's id).
   */
  key(key: string): void;
  /** Loads again for the latest key, and says so through `onChange`. */
  retry(): void;
}

/**
 * Loads `load(key)` for each new key and calls `onChange` when a load settles. An answer
 * that arrives after a newer load started, or after the widget unmounted, is dropped, so
 * a slow old request never overwrites a newer one.
 */
export function createLoad<T>(
  load: (key: string) => Promise<T>,
  onChange: () => void,
  onUnmount: OnUnmount,
): Load<T> {
  let state: LoadState<T> = { status: 'loading' };
  let latest = 0;
  let current: string | undefined;
  let live = true;
  onUnmount(() => {
    live = false;
  });
  const start = (key: string) => {
    const run = ++latest;
    const settle = (next: LoadState<T>) => {
      if (live && run === latest) {
        state = next;
        onChange();
      }
    };
    current = key;
    state = { status: 'loading' };
    load(key).then(
      (value) => settle({ status: 'done', value }),
      (error: unknown) => settle({ status: 'error', error }),
    );
  };
  return {
    state: () => state,
    key(key) {
      if (key !== current) start(key);
    },
    retry() {
      if (current === undefined) return;
      start(current);
      onChange();
    },
  };
}
