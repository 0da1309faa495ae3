import { createRetryLoop, isRetryable, type RetryLoop } from './createRetryLoop.js';
import type { Platform } from './platform.js';
import type { RetryDelayOptions } from './retryDelay.js';
import type { HttpError } from './transportErrors.js';

/** Options of {@link createQueueLoop}. */
export interface QueueLoopOptions<T, R> {
  platform: Platform;
  /** Where the items go, one per request (and per beacon when the page is hidden). */
  url: string;
  /** What waits, oldest first, already checked. */
  read(): T[];
  /** The item's idempotency key. */
  key(item: T): string;
  /** Sends one item; rejects with a transport error when it was not acknowledged. */
  post(item: T): Promise<R>;
  /** The server acknowledged `item` with `result`: take it off the queue. */
  done(item: T, result: R): void;
  /** The server refused `item` for good (a 4xx other than 408 and 429): take it off. */
  refused(item: T, error: HttpError): void;
  retry?: RetryDelayOptions | undefined;
}

/**
 * Sends a queue kept in storage one item at a time until each is settled by the server's
 * answer (acknowledged or refused). Network failures, 408, 429, 5xx and unreadable
 * answers are retried with backoff (honouring `Retry-After`, and at once when the
 * browser is back online). When the page is hidden, what waits goes in beacons too; a
 * beacon gets no answer, so the item stays queued until a request is acknowledged (here
 * if the page comes back, else on the next page) and the server counts its key once.
 * The network half shared by conversions and NPS answers.
 */
export function createQueueLoop<T, R>(options: QueueLoopOptions<T, R>): RetryLoop {
  const { platform, url, read, key } = options;
  const inFlight = new Set<string>();

  const step = async () => {
    const item = read().find((queued) => !inFlight.has(key(queued)));
    if (!item) return false;
    inFlight.add(key(item));
    try {
      options.done(item, await options.post(item));
    } catch (error) {
      if (isRetryable(error)) throw error;
      options.refused(item, error as HttpError);
    } finally {
      inFlight.delete(key(item));
    }
    return true;
  };
  const loop = createRetryLoop(platform, step, options.retry);

  const stopHide = platform.onPageHide(() => {
    for (const item of read()) {
      if (inFlight.has(key(item))) continue;
      if (!platform.sendBeacon?.(url, JSON.stringify(item))) break;
    }
  });
  const stopOnline = platform.onOnline(loop.online);

  return {
    ...loop,
    destroy() {
      loop.destroy();
      stopHide();
      stopOnline();
    },
  };
}
