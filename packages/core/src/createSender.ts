import type { Outbox } from './createOutbox.js';
import { createRetryLoop, isRetryable, type RetryLoop } from './createRetryLoop.js';
import type { Platform } from './platform.js';
import { postEvents } from './postEvents.js';
import type { RetryDelayOptions } from './retryDelay.js';
import { MAX_EVENTS_PER_BATCH } from './schemas/events.js';
import { MAX_BODY_BYTES, takeBatch } from './takeBatch.js';
import type { HttpError } from './transportErrors.js';

/** Options of {@link createSender}. */
export interface SenderOptions {
  /** `${endpoint}/v1/events`. */
  url: string;
  site: string;
  platform: Platform;
  outbox: Outbox;
  /** Abort a request after this many ms. */
  timeoutMs: number;
  retry?: RetryDelayOptions | undefined;
  /** Told when the server rejected events for good (they are dropped). */
  onError?: ((error: HttpError) => void) | undefined;
  /** Told after each request, when the outbox may have changed. */
  onChange?: (() => void) | undefined;
}

/** The network half of the transport: delivers the outbox and retries. */
export interface Sender extends RetryLoop {
  /** Ids on their way to the server. */
  readonly inFlight: ReadonlySet<string>;
}

/** Indexes of the events a 400 answer names (`events.3.at`), or null if it names none. */
function rejectedIndexes(error: HttpError, size: number): Set<number> | null {
  const indexes = new Set<number>();
  for (const issue of error.issues ?? []) {
    const match = /^events\.(\d+)(\.|$)/.exec(issue.path);
    if (match) indexes.add(Number(match[1]));
  }
  return indexes.size && indexes.size < size ? indexes : null;
}

/**
 * Delivers the outbox in batches and removes only what the server acknowledged.
 * Network failures, 408, 429 and 5xx are retried with exponential backoff and full
 * jitter, honouring `Retry-After`; other 4xx drop the batch (only the events a 400
 * names, when it names some; halving the batch on 413) and report it. Kept apart from
 * `createTransport` so that it loads after the page has painted.
 */
export function createSender(options: SenderOptions): Sender {
  const { platform, outbox } = options;
  const inFlight = new Set<string>();
  let maxEvents = MAX_EVENTS_PER_BATCH;

  /** Sends the next batch; false when there is none. Rejects with a retryable failure. */
  const step = async (): Promise<boolean> => {
    const batch = takeBatch(outbox.read(), { skip: inFlight, maxEvents, maxBytes: MAX_BODY_BYTES });
    if (!batch.length) return false;
    const ids = new Set(batch.map((event) => event.id));
    for (const id of ids) inFlight.add(id);
    try {
      const body = JSON.stringify({ site: options.site, events: batch });
      await postEvents(platform, options.url, body, options.timeoutMs);
      outbox.remove(ids);
    } catch (error) {
      if (isRetryable(error)) throw error;
      const rejected = error as HttpError;
      if (rejected.status === 413 && batch.length > 1) {
        maxEvents = Math.ceil(batch.length / 2);
        return true;
      }
      const indexes = rejected.status === 400 ? rejectedIndexes(rejected, batch.length) : null;
      const dropped = indexes ? batch.filter((_, index) => indexes.has(index)) : batch;
      outbox.remove(new Set(dropped.map((event) => event.id)));
      options.onError?.(rejected);
    } finally {
      for (const id of ids) inFlight.delete(id);
      options.onChange?.();
    }
    return true;
  };

  return { ...createRetryLoop(platform, step, options.retry), inFlight };
}
