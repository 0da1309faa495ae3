import type { Outbox } from './createOutbox.js';
import type { Platform } from './platform.js';
import { postEvents } from './postEvents.js';
import { type RetryDelayOptions, retryDelay } from './retryDelay.js';
import { MAX_EVENTS_PER_BATCH, type VouchEvent } from './schemas/events.js';
import { MAX_BODY_BYTES, takeBatch } from './takeBatch.js';
import { type HttpError, isHttpError } from './transportErrors.js';

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
export interface Sender {
  /** Sends batches until the outbox is empty or a request failed (a retry is then scheduled). */
  drain(): Promise<void>;
  /** Like `drain`, but first cancels a backoff wait; a `Retry-After` wait is kept. */
  flush(): Promise<void>;
  /** Whether a retry is scheduled; new events wait for it. */
  retrying(): boolean;
  /** The network is back: retry now (unless the server asked us to wait longer). */
  online(): void;
  /** Ids on their way to the server. */
  readonly inFlight: ReadonlySet<string>;
  destroy(): void;
}

const isRetryable = (error: unknown) =>
  !isHttpError(error) ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500 ||
  error.status < 300;

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
  let timer: unknown = null;
  let attempt = 0;
  let notBefore = 0;
  let maxEvents = MAX_EVENTS_PER_BATCH;
  let running: Promise<void> | null = null;
  let destroyed = false;

  const cancel = () => {
    if (timer !== null) platform.clearTimeout(timer);
    timer = null;
  };

  /** Sends one batch; true when the queue may go on, false after a retryable failure. */
  const deliver = async (batch: VouchEvent[]): Promise<boolean> => {
    const ids = new Set(batch.map((event) => event.id));
    for (const id of ids) inFlight.add(id);
    try {
      const body = JSON.stringify({ site: options.site, events: batch });
      await postEvents(platform, options.url, body, options.timeoutMs);
      outbox.remove(ids);
      attempt = 0;
      return true;
    } catch (error) {
      if (isRetryable(error)) {
        const asked = isHttpError(error) ? error.retryAfterMs : undefined;
        const wait = asked ?? retryDelay(attempt++, platform.random, options.retry);
        if (asked !== undefined) notBefore = platform.now() + asked;
        cancel();
        if (!destroyed) {
          timer = platform.setTimeout(() => {
            timer = null;
            void drain();
          }, wait);
        }
        return false;
      }
      const rejected = error as HttpError;
      if (rejected.status === 413 && batch.length > 1) {
        maxEvents = Math.ceil(batch.length / 2);
        return true;
      }
      const indexes = rejected.status === 400 ? rejectedIndexes(rejected, batch.length) : null;
      const dropped = indexes ? batch.filter((_, index) => indexes.has(index)) : batch;
      outbox.remove(new Set(dropped.map((event) => event.id)));
      options.onError?.(rejected);
      return true;
    } finally {
      for (const id of ids) inFlight.delete(id);
      options.onChange?.();
    }
  };

  const drain = (): Promise<void> => {
    running ??= (async () => {
      while (!destroyed) {
        const batch = takeBatch(outbox.read(), {
          skip: inFlight,
          maxEvents,
          maxBytes: MAX_BODY_BYTES,
        });
        if (!batch.length || !(await deliver(batch))) break;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const now = () => {
    if (destroyed || platform.now() < notBefore) return running ?? Promise.resolve();
    cancel();
    return drain();
  };

  return {
    drain: () => (timer === null ? drain() : (running ?? Promise.resolve())),
    flush: now,
    retrying: () => timer !== null,
    online: () => {
      if (timer !== null) void now();
    },
    inFlight,
    destroy() {
      destroyed = true;
      cancel();
    },
  };
}
