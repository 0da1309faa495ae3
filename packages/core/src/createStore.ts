/** A snapshot that listeners can follow (the shape `useSyncExternalStore` expects). */
export interface Store<T> {
  /** The current snapshot; the same object until something changed. */
  get(): T;
  /** Recomputes the snapshot and notifies listeners if it changed. */
  refresh(): void;
  subscribe(listener: () => void): () => void;
  clear(): void;
}

/**
 * A store over `read`, for small plain data: a change is detected by comparing JSON,
 * so the snapshot keeps its identity while nothing in it changed.
 */
export function createStore<T>(read: () => T, onError: (error: unknown) => void): Store<T> {
  let snapshot = read();
  let json = JSON.stringify(snapshot);
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    refresh() {
      const next = read();
      const nextJson = JSON.stringify(next);
      if (nextJson === json) return;
      snapshot = next;
      json = nextJson;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear: () => listeners.clear(),
  };
}
