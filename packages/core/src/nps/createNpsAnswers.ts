import type { ConsentStorage } from '../createConsentStorage.js';
import { formatIssues } from '../formatIssues.js';
import { arrayOf, validate } from '../guards/check.js';
import { loadOnFirstUse } from '../loadOnFirstUse.js';
import type { Platform } from '../platform.js';
import type { RetryDelayOptions } from '../retryDelay.js';
import type { NpsRequest, NpsResult } from '../schemas/nps.js';
import { type NpsAnswerInput, npsAnswerInputCheck } from './npsAnswerInput.js';

/** Options of {@link createNpsAnswers}. */
export interface NpsAnswersOptions {
  site: string;
  /** The server; answers go to `${endpoint}/v1/nps`. */
  endpoint: string;
  platform: Platform;
  storage: ConsentStorage;
  /** The storage key of the queue. */
  queueKey: string;
  /** Who answered and where, read when the answer is recorded. */
  context(): Pick<NpsRequest, 'visitor' | 'customer' | 'url'>;
  /** The server acknowledged an answer. */
  onResult?: ((result: NpsResult) => void) | undefined;
  /** The server refused an answer for good, or the sending code failed to load. */
  onError(error: Error & { code?: string | undefined }, id?: string): void;
  /** The number of pending answers may have changed. */
  onChange?: (() => void) | undefined;
  timeoutMs?: number | undefined;
  retry?: RetryDelayOptions | undefined;
}

/** NPS answers on their way to the server. */
export interface NpsAnswers {
  /**
   * Validates `input` (a `TypeError` names each bad field) and queues it. Returns the
   * request, or null when an answer with the same `id` already waits.
   */
  record(input: NpsAnswerInput): NpsRequest | null;
  flush(): Promise<void>;
  pending(): number;
  destroy(): void;
}

const queueCheck = arrayOf<Partial<NpsRequest> | null>(() => {});

/**
 * NPS answers kept in consent-aware storage until the server acknowledges their `id`
 * (the server stores an id once, so a retry or a beacon counts nothing twice), retried
 * with backoff meanwhile. Validation and queueing happen here, synchronously, so that a
 * reload right after answering loses nothing; sending loads on first use.
 */
export function createNpsAnswers(options: NpsAnswersOptions): NpsAnswers {
  const { storage, platform, queueKey } = options;
  let destroyed = false;
  const sender = loadOnFirstUse(
    () =>
      import('./createNpsSender.js').then(({ createNpsSender }) =>
        createNpsSender({ ...options, url: `${options.endpoint}/v1/nps` }),
      ),
    options.onError,
  );
  const queued = () => storage.get(queueKey, queueCheck) ?? [];
  if (queued().length) void sender.run((loaded) => loaded.drain());

  return {
    record(input) {
      const checked = validate(npsAnswerInputCheck, input);
      if (!checked.ok) throw new TypeError(`[vouch] nps: ${formatIssues(checked.issues)}`);
      if (input.email !== undefined && input.contact !== true) {
        throw new TypeError('[vouch] nps: "email": only together with "contact": true');
      }
      const queue = queued();
      if (queue.some((item) => item?.id === input.id)) return null;
      const comment = input.comment?.trim();
      const { visitor, customer, url } = options.context();
      const request: NpsRequest = {
        id: input.id,
        score: input.score,
        ...(comment && { comment }),
        ...(input.contact !== undefined && { contact: input.contact }),
        ...(input.email && { email: input.email }),
        site: options.site,
        at: new Date(platform.now()).toISOString(),
        ...(visitor && { visitor }),
        ...(customer && { customer }),
        ...(url && { url }),
      };
      storage.set(queueKey, [...queue, request]);
      options.onChange?.();
      void sender.run((loaded) => loaded.drain());
      return request;
    },
    async flush() {
      if (!destroyed && queued().length) await sender.run((loaded) => loaded.flush());
    },
    pending: () => queued().length,
    destroy() {
      destroyed = true;
      sender.destroy();
    },
  };
}
