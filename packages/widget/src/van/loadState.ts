import van, { type State } from 'vanjs-core';
import type { OnUnmount } from './OnUnmount.js';

/** Where an asynchronous load stands. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown };

/** What {@link loadState} returns. */
export interface Load<T> {
  /** Where the latest load stands. */
  state: State<LoadState<T>>;
  /** Loads again for the same key. */
  retry(): void;
}

/**
 * Runs `load(key)` at once and again whenever the key `key()` computes from van states
 * changes, or on `retry`. An answer that arrives after the key changed or the widget
 * unmounted is dropped, so a slow old request never overwrites a newer one.
 */
export function loadState<T>(
  load: (key: string) => Promise<T>,
  key: () => string,
  onUnmount: OnUnmount,
): Load<T> {
  const state = van.state<LoadState<T>>({ status: 'loading' });
  const attempt = van.state(0);
  // A state of its own: the loads follow the key's value, not every change it reads.
  const current = van.derive(key);
  let latest = 0;
  let live = true;
  onUnmount(() => {
    live = false;
  });
  van.derive(() => {
    const value = current.val;
    if (attempt.val < 0 || !live) return;
    const run = ++latest;
    const settle = (next: LoadState<T>) => {
      if (live && run === latest) state.val = next;
    };
    state.val = { status: 'loading' };
    load(value).then(
      (result) => settle({ status: 'done', value: result }),
      (error: unknown) => settle({ status: 'error', error }),
    );
  });
  return {
    state,
    retry: () => {
      attempt.val++;
    },
  };
}
