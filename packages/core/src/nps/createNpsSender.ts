import { requestJson } from '../api/requestJson.js';
import type { ConsentStorage } from '../createConsentStorage.js';
import { createQueueLoop } from '../createQueueLoop.js';
import type { RetryLoop } from '../createRetryLoop.js';
import { arrayOf, validate } from '../guards/check.js';
import { npsRequestCheck, npsResultCheck } from '../guards/npsChecks.js';
import type { Platform } from '../platform.js';
import type { RetryDelayOptions } from '../retryDelay.js';
import type { NpsRequest, NpsResult } from '../schemas/nps.js';
import type { HttpError } from '../transportErrors.js';

/** Options of {@link createNpsSender}. */
export interface NpsSenderOptions {
  platform: Platform;
  storage: ConsentStorage;
  /** `${endpoint}/v1/nps`. */
  url: string;
  /** The storage key of the queue. */
  queueKey: string;
  /** Abort a request after this many ms. @default 15000 */
  timeoutMs?: number | undefined;
  retry?: RetryDelayOptions | undefined;
  onResult?: ((result: NpsResult) => void) | undefined;
  /** The server refused the answer `id` for good (a 4xx other than 408 and 429). */
  onError(error: HttpError, id: string): void;
  onChange?: (() => void) | undefined;
}

/** The network half of the NPS answers. */
export type NpsAnswerSender = RetryLoop;

const storedCheck = arrayOf<unknown>(() => {});

/**
 * Posts the queued answers one by one to `POST /v1/nps` (through `createQueueLoop`: retries,
 * backoff, beacons) and settles each by its answer: acknowledged or refused, it leaves the
 * queue; the server stores an `id` once. Kept apart from `createNpsAnswers` so that it
 * loads on first use.
 */
export function createNpsSender(options: NpsSenderOptions): NpsAnswerSender {
  const { platform, storage, url, queueKey } = options;

  // What fails its check when read back is dropped, never sent.
  const read = (): NpsRequest[] => {
    const stored = storage.get(queueKey, storedCheck) ?? [];
    const queue = stored.filter((item): item is NpsRequest => validate(npsRequestCheck, item).ok);
    if (queue.length !== stored.length) write(queue);
    return queue;
  };
  const write = (queue: NpsRequest[]) => {
    if (queue.length) storage.set(queueKey, queue);
    else storage.remove(queueKey);
  };
  const settle = (id: string) => {
    write(read().filter((queued) => queued.id !== id));
    options.onChange?.();
  };

  return createQueueLoop<NpsRequest, NpsResult>({
    platform,
    url,
    read,
    key: (request) => request.id,
    post: (request) =>
      requestJson(platform, url, npsResultCheck, {
        body: JSON.stringify(request),
        timeoutMs: options.timeoutMs ?? 15_000,
      }),
    done(request, result) {
      settle(request.id);
      options.onResult?.(result);
    },
    refused(request, error) {
      settle(request.id);
      options.onError(error, request.id);
    },
    retry: options.retry,
  });
}
