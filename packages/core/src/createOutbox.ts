import type { ConsentStorage } from './createConsentStorage.js';
import { arrayOf, validate } from './guards/check.js';
import { eventCheck } from './guards/eventChecks.js';
import type { VouchEvent } from './schemas/events.js';

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Key in the consent storage. @default 'outbox' */
  key?: string;
  /** Most events kept; beyond it the oldest are dropped. @default 500 */
  max?: number;
  /** Told how many events were dropped to stay under `max`. */
  onDrop?: (count: number) => void;
}

/** Events waiting for the server's acknowledgement, oldest first. */
export interface Outbox {
  read(): VouchEvent[];
  add(event: VouchEvent): void;
  remove(ids: ReadonlySet<string>): void;
  size(): number;
}

// Items are checked one by one so that one bad event does not cost the others.
const storedCheck = arrayOf<unknown>(() => {});

/**
 * The queue of unacknowledged events, kept in consent-aware storage so that a reload or
 * an offline hour loses nothing. Every read goes back to storage (another tab of the
 * same shop may have changed it) and validates each event, dropping what fails.
 */
export function createOutbox(storage: ConsentStorage, options: OutboxOptions = {}): Outbox {
  const { key = 'outbox', max = 500, onDrop } = options;

  const read = (): VouchEvent[] => {
    const stored = storage.get(key, storedCheck) ?? [];
    const events: VouchEvent[] = [];
    for (const item of stored) {
      const result = validate(eventCheck, item);
      if (result.ok) events.push(result.value);
    }
    if (events.length !== stored.length) write(events);
    return events;
  };
  const write = (events: VouchEvent[]) => {
    if (events.length) storage.set(key, events);
    else storage.remove(key);
  };

  return {
    read,
    add(event) {
      const events = read().filter((queued) => queued.id !== event.id);
      events.push(event);
      const excess = events.length - max;
      if (excess > 0) onDrop?.(excess);
      write(excess > 0 ? events.slice(excess) : events);
    },
    remove(ids) {
      const events = read();
      const kept = events.filter((event) => !ids.has(event.id));
      if (kept.length !== events.length) write(kept);
    },
    size: () => read().length,
  };
}
