import { requestJson } from '../api/requestJson.js';
import type { ConsentStorage } from '../createConsentStorage.js';
import { createDismissals } from '../createDismissals.js';
import { createQueueLoop } from '../createQueueLoop.js';
import type { RetryLoop } from '../createRetryLoop.js';
import { conversionResultCheck } from '../guards/answerChecks.js';
import { arrayOf, text, validate } from '../guards/check.js';
import { conversionRequestCheck } from '../guards/conversionRequestCheck.js';
import type { Platform } from '../platform.js';
import { convertedOfferKeys } from '../referrals/offerDismissalKeys.js';
import type { RetryDelayOptions } from '../retryDelay.js';
import type { ConversionRequest, ConversionResult } from '../schemas/conversions.js';
import { moneyIssue } from '../schemas/minorUnits.js';
import { HttpError } from '../transportErrors.js';

/** Options of {@link createConversionSender}. */
export interface ConversionSenderOptions {
  platform: Platform;
  storage: ConsentStorage;
  /** `${endpoint}/v1/conversions`. */
  url: string;
  /** The storage key of the queue. */
  queueKey: string;
  /** An order with its total, as compared to tell the same order from another. */
  fingerprint(order: ConversionRequest): string;
  /** Abort a request after this many ms. @default 15000 */
  timeoutMs?: number | undefined;
  retry?: RetryDelayOptions | undefined;
  /** The server acknowledged a conversion. */
  onResult(result: ConversionResult): void;
  /** The server refused the conversion of `orderId` for good (a 4xx other than 408 and 429). */
  onError(error: HttpError, orderId: string): void;
  /** The queue changed. */
  onChange?: (() => void) | undefined;
}

/** The network half of the conversions. */
export type ConversionSender = RetryLoop;

const storedCheck = arrayOf<unknown>(() => {});
/** Storage key of the orders acknowledged or refused, as `fingerprint`s. */
const DONE_KEY = 'converted';
/** Orders remembered as done: a thank-you page is reloaded soon after, if ever. */
const MAX_DONE = 50;
const doneCheck = arrayOf(text(0, 300, 'must be an order'));

/**
 * Posts the queued conversions one by one to `POST /v1/conversions` and settles each by
 * its answer: acknowledged or refused, it leaves the queue and is remembered as done.
 * Network failures, 408, 429, 5xx and unreadable answers are retried with backoff
 * (honouring `Retry-After`). When the page is hidden, what waits goes in beacons too.
 * An acknowledged purchase dismisses the friend offers it used (`convertedOfferKeys`),
 * before `conversion` is emitted, so a referral banner stops offering a spent coupon.
 * Kept apart from `createConversions` so that it loads on first use.
 */
export function createConversionSender(options: ConversionSenderOptions): ConversionSender {
  const { platform, storage, url, queueKey, fingerprint } = options;
  const dismissals = createDismissals(storage, platform.now);

  // Every read validates what is stored; what fails is dropped, never sent. So is an
  // order already done: the thank-you page was reloaded, or another tab sent it.
  const read = (): ConversionRequest[] => {
    const stored = storage.get(queueKey, storedCheck) ?? [];
    const done = storage.get(DONE_KEY, doneCheck) ?? [];
    const queue = stored.filter(
      (item): item is ConversionRequest =>
        validate(conversionRequestCheck, item).ok &&
        !done.includes(fingerprint(item as ConversionRequest)),
    );
    if (queue.length !== stored.length) write(queue);
    return queue;
  };
  const write = (queue: ConversionRequest[]) => {
    if (queue.length) storage.set(queueKey, queue);
    else storage.remove(queueKey);
  };
  const settle = (request: ConversionRequest) => {
    write(read().filter((queued) => queued.orderId !== request.orderId));
    const done = storage.get(DONE_KEY, doneCheck) ?? [];
    storage.set(DONE_KEY, [...done, fingerprint(request)].slice(-MAX_DONE));
    options.onChange?.();
  };

  return createQueueLoop<ConversionRequest, ConversionResult>({
    platform,
    url,
    read,
    key: (request) => request.orderId,
    async post(request) {
      // Checked here rather than when recorded, to keep the currency table off the first
      // paint; it is the same message the server would answer with, without the request.
      const decimals = moneyIssue(request.amount, request.currency);
      if (decimals) {
        throw new HttpError(400, `"amount": ${decimals}`, {
          code: 'invalid_request',
          issues: [{ path: 'amount', message: decimals }],
        });
      }
      return requestJson(platform, url, conversionResultCheck, {
        body: JSON.stringify(request),
        timeoutMs: options.timeoutMs ?? 15_000,
      });
    },
    done(request, result) {
      for (const key of convertedOfferKeys(request, result)) dismissals.dismiss(key);
      settle(request);
      options.onResult(result);
    },
    refused(request, error) {
      settle(request);
      options.onError(error, request.orderId);
    },
    retry: options.retry,
  });
}
