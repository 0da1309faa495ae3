import type { EventHandler } from './Runtime.js';

/** Somewhere handlers can move to once it exists (the runtime, then the core client). */
export interface EmitterTarget {
  on(name: string, handler: EventHandler): unknown;
}

/** A host-page event bus that keeps handlers until it hands them to the real one. */
export interface Emitter {
  on(name: string, handler: EventHandler): void;
  off(name: string, handler: EventHandler): void;
  /** Calls each handler of `name`; a throwing handler is reported, never rethrown. */
  emit(name: string, detail?: unknown): void;
  /** Registers every handler on `target` and forgets them here. */
  handoff(target: EmitterTarget): void;
}

/**
 * Creates the bus that serves events until the next layer is loaded: the loader's
 * before the runtime chunk arrives, the runtime's before the core client exists.
 * @param onHandlerError told when a handler throws, so the host page never sees it thrown
 */
export function createEmitter(onHandlerError: (name: string, error: unknown) => void): Emitter {
  let handlers: Array<[string, EventHandler]> = [];
  const indexOf = (name: string, handler: EventHandler) =>
    handlers.findIndex(([n, h]) => n === name && h === handler);
  return {
    on(name, handler) {
      if (indexOf(name, handler) < 0) handlers.push([name, handler]);
    },
    off(name, handler) {
      const index = indexOf(name, handler);
      if (index >= 0) handlers.splice(index, 1);
    },
    emit(name, detail) {
      for (const [n, handler] of handlers.slice()) {
        if (n !== name) continue;
        try {
          handler(detail);
        } catch (error) {
          onHandlerError(name, error);
        }
      }
    },
    handoff(target) {
      const moving = handlers;
      handlers = [];
      for (const [name, handler] of moving) target.on(name, handler);
    },
  };
}
