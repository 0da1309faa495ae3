import type { Platform } from './platform.js';
import { type RetryDelayOptions, retryDelay } from './retryDelay.js';
import { isHttpError } from './transportErrors.js';

/** Whether a failed request is worth trying again: no answer, 408, 429, 5xx, or an unreadable 2xx. */
export const isRetryable = (error: unknown): boolean =>
  !isHttpError(error) ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500 ||
  error.status < 300;

/** A queue drained one step at a time, waiting and trying again after a failure. */
export interface RetryLoop {
  /** Runs steps until none is left or one failed (a retry is then scheduled). */
  drain(): Promise<void>;
  /** Like `drain`, but first cancels a backoff wait; a `Retry-After` wait is kept. */
  flush(): Promise<void>;
  /** Whether a retry is scheduled. */
  retrying(): boolean;
  /** The network is back: retry now (unless the server asked us to wait longer). */
  online(): void;
  destroy(): void;
}

/**
 * Runs `step` until it resolves `false` (nothing left to send). A step that rejects is
 * retried with exponential backoff and full jitter, or after the `Retry-After` of an
 * `HttpError` that carries one; a step handles final failures itself and resolves.
 */
export function createRetryLoop(
  platform: Platform,
  step: () => Promise<boolean>,
  retry?: RetryDelayOptions,
): RetryLoop {
  let timer: unknown = null;
  let attempt = 0;
  let notBefore = 0;
  let running: Promise<void> | null = null;
  let destroyed = false;

  const cancel = () => {
    if (timer !== null) platform.clearTimeout(timer);
    timer = null;
  };
  const wait = (error: unknown) => {
    const asked = isHttpError(error) ? error.retryAfterMs : undefined;
    if (asked !== undefined) notBefore = platform.now() + asked;
    cancel();
    if (destroyed) return;
    timer = platform.setTimeout(
      () => {
        timer = null;
        void drain();
      },
      asked ?? retryDelay(attempt++, platform.random, retry),
    );
  };

  const drain = (): Promise<void> => {
    running ??= (async () => {
      while (!destroyed) {
        try {
          if (!(await step())) break;
          attempt = 0;
        } catch (error) {
          wait(error);
          break;
        }
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
    destroy() {
      destroyed = true;
      cancel();
    },
  };
}
