/** A handler of the event `name` of map `Events`. */
export type Handler<Events, Name extends keyof Events> = (payload: Events[Name]) => void;

/** Options of {@link createEmitter}. */
export interface EmitterOptions<Events> {
  /** Told when a handler throws; the other handlers still run. @default ignore */
  onError?: (error: unknown, name: keyof Events) => void;
}

/** A typed event emitter over the map `Events` (event name → payload). */
export interface Emitter<Events> {
  /** Adds `handler`; returns the function that removes it. */
  on<Name extends keyof Events>(name: Name, handler: Handler<Events, Name>): () => void;
  off<Name extends keyof Events>(name: Name, handler: Handler<Events, Name>): void;
  emit<Name extends keyof Events>(name: Name, payload: Events[Name]): void;
}

/**
 * A typed emitter whose handlers are isolated: one that throws is reported through
 * `onError` and does not stop the others (a host page's bug must not break ours).
 */
export function createEmitter<Events>(options: EmitterOptions<Events> = {}): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<(payload: never) => void>>();

  const off: Emitter<Events>['off'] = (name, handler) => {
    const set = handlers.get(name);
    if (!set) return;
    set.delete(handler);
    if (!set.size) handlers.delete(name);
  };

  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      set.add(handler);
      return () => off(name, handler);
    },
    off,
    emit(name, payload) {
      const set = handlers.get(name);
      if (!set) return;
      // Copy first: a handler may add or remove handlers while we iterate.
      for (const handler of [...set] as Array<Handler<Events, typeof name>>) {
        try {
          handler(payload);
        } catch (error) {
          options.onError?.(error, name);
        }
      }
    },
  };
}
