/** A part made on first use from code imported then; see {@link loadOnFirstUse}. */
export interface LoadedOnFirstUse<P> {
  /** Runs `action` on the part once it is made (loading it if need be); never rejects. */
  run(action: (part: P) => Promise<void>): Promise<void>;
  /** Destroys the part, now or once it is made. */
  destroy(): void;
}

/**
 * Makes a part (a sender) with `load` on the first `run`, so that its code is downloaded
 * only when needed. A load that fails is reported to `onError` and tried again on the
 * next `run` (a flaky network can fail a chunk too).
 */
export function loadOnFirstUse<P extends { destroy(): void }>(
  load: () => Promise<P>,
  onError: (error: Error) => void,
): LoadedOnFirstUse<P> {
  let loading: Promise<P> | null = null;
  let destroyed = false;
  const get = () =>
    (loading ??= load().then(
      (part) => {
        if (destroyed) part.destroy();
        return part;
      },
      (error: unknown) => {
        loading = null;
        onError(error instanceof Error ? error : new Error(String(error)));
        throw error;
      },
    ));
  return {
    run: (action) => get().then(action, () => undefined),
    destroy() {
      destroyed = true;
      void loading?.then(
        (part) => part.destroy(),
        () => undefined,
      );
    },
  };
}
