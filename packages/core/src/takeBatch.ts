import type { VouchEvent } from './schemas/events.js';

/** Options of {@link takeBatch}. */
export interface TakeBatchOptions {
  /** Ids to leave out (already on their way). */
  skip: ReadonlySet<string>;
  /** Most events in one batch. */
  maxEvents: number;
  /** Most UTF-8 bytes of the events' JSON together. */
  maxBytes: number;
}

/** Most bytes per request body: beacons and keepalive requests are capped at 64 KiB. */
export const MAX_BODY_BYTES = 60_000;

/** UTF-8 length of `text` without encoding it (a surrogate pair counts 2 + 2). */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    length += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return length;
}

/**
 * The oldest events not in `skip`, in order, as many as fit in one request: the server
 * takes at most `maxEvents` and a beacon or keepalive request carries at most 64 KiB.
 * The first event is always taken, so an outsized one cannot block the queue.
 */
export function takeBatch(events: readonly VouchEvent[], options: TakeBatchOptions) {
  const batch: VouchEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    if (options.skip.has(event.id)) continue;
    if (batch.length >= options.maxEvents) break;
    const size = utf8Length(JSON.stringify(event)) + 1;
    if (batch.length && bytes + size > options.maxBytes) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}
