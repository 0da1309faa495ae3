import { useEffect, useState } from 'preact/hooks';

/** Where an asynchronous load stands. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown };

/**
 * Runs `load` on mount and whenever `key` changes, and returns where it stands with a
 * `retry` function. An answer that arrives after the key changed or the component went
 * away is dropped, so a slow old request never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [LoadState<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
