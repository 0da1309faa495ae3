import type { ConsentStorage } from '../createConsentStorage.js';
import { formatIssues } from '../formatIssues.js';
import { arrayOf, validate } from '../guards/check.js';
import { conversionInputCheck } from '../guards/orderChecks.js';
import { loadOnFirstUse } from '../loadOnFirstUse.js';
import type { Platform } from '../platform.js';
import type { RetryDelayOptions } from '../retryDelay.js';
import type {
  ConversionInput,
  ConversionRequest,
  ConversionResult,
} from '../schemas/conversions.js';
import type { Identity } from '../schemas/identity.js';

/** What a conversion carries besides the shop's input, read when it is recorded. */
export interface ConversionContext {
  /** The kept referral code, inside its window. */
  ref?: string | undefined;
  /** The host of the site that sent the shopper to the referral landing. */
  referrerDomain?: string | undefined;
  visitor: string;
  customer?: Identity | undefined;
}

/** Options of {@link createConversions}. */
export interface ConversionsOptions {
  site: string;
  /** The server; conversions go to `${endpoint}/v1/conversions`. */
  endpoint: string;
  platform: Platform;
  storage: ConsentStorage;
  context(): ConversionContext;
  /** Told when the server acknowledged a conversion. */
  onResult(result: ConversionResult): void;
  /**
   * Told when the server refused the conversion of `orderId` for good, or when the
   * sending code failed to load (no `orderId`).
   */
  onError(error: Error & { code?: string | undefined }, orderId?: string): void;
  /** Told when the number of pending conversions may have changed. */
  onChange?: (() => void) | undefined;
  /** Abort a request after this many ms. @default 15000 */
  timeoutMs?: number | undefined;
  /** Backoff between retries. @default { baseMs: 1000, maxMs: 300000 } */
  retry?: RetryDelayOptions | undefined;
}

/** Purchases on their way to the server. */
export interface Conversions {
  /**
   * Validates `input` (a `TypeError` names each bad field) and queues it with its context.
   * Returns the request, or null when the same order already waits. (One already done —
   * a reload of the thank-you page — is dropped unsent where the queue is sent.)
   */
  record(input: ConversionInput): ConversionRequest | null;
  /** Sends what is pending now; resolves when done or a request failed. */
  flush(): Promise<void>;
  /** How many conversions wait for the server's acknowledgement. */
  pending(): number;
  destroy(): void;
}

/** Storage key of the conversions waiting for the server, oldest first. */
const QUEUE_KEY = 'conversions';

/**
 * An order with its total. The same order with another total is not "the same": it is
 * sent, so that the server refuses it (409) and the shop hears of the mistake.
 */
const fingerprint = (order: Partial<ConversionInput>): string =>
  `${order.orderId} ${order.amount} ${order.currency}`;

// Stored items are validated one by one where they are sent (createConversionSender).
const queueCheck = arrayOf<Partial<ConversionRequest> | null>(() => {});

/**
 * Conversions kept in consent-aware storage (key `conversions`) until the server
 * acknowledges their `orderId`, and retried with backoff in the meantime; orders already
 * acknowledged or refused are remembered (key `converted`) and not sent again. Only
 * validation and queueing happen here, synchronously, so that nothing is lost; the rest
 * (checking amounts against their currency, sending) loads on first use.
 */
export function createConversions(options: ConversionsOptions): Conversions {
  const { storage } = options;
  let destroyed = false;
  const queued = () => storage.get(QUEUE_KEY, queueCheck) ?? [];
  const sender = loadOnFirstUse(
    () =>
      import('./createConversionSender.js').then(({ createConversionSender }) =>
        createConversionSender({
          ...options,
          url: `${options.endpoint}/v1/conversions`,
          queueKey: QUEUE_KEY,
          fingerprint,
        }),
      ),
    options.onError,
  );
  const run = sender.run;
  if (queued().length) void run((sender) => sender.drain());

  return {
    record(input) {
      const checked = validate(conversionInputCheck, input);
      if (!checked.ok) {
        throw new TypeError(`[vouch] conversion: ${formatIssues(checked.issues)}`);
      }
      const queue = queued();
      const known = fingerprint(input);
      if (queue.some((item) => fingerprint(item ?? {}) === known)) return null;
      const { ref, referrerDomain, visitor, customer } = options.context();
      const request: ConversionRequest = {
        ...input,
        site: options.site,
        visitor,
        ...(ref && { ref }),
        ...(customer && { customer }),
        ...(referrerDomain && { referrerDomain }),
      };
      storage.set(QUEUE_KEY, [...queue, request]);
      options.onChange?.();
      void run((sender) => sender.drain());
      return request;
    },
    async flush() {
      if (!destroyed && queued().length) await run((sender) => sender.flush());
    },
    pending: () => queued().length,
    destroy() {
      destroyed = true;
      sender.destroy();
    },
  };
}
