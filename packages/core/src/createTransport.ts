import type { ConsentStorage } from './createConsentStorage.js';
import { createOutbox } from './createOutbox.js';
import type { Sender, SenderOptions } from './createSender.js';
import { formatIssues } from './formatIssues.js';
import { validate } from './guards/check.js';
import { eventCheck } from './guards/eventChecks.js';
import type { Platform } from './platform.js';
import type { RetryDelayOptions } from './retryDelay.js';
import { MAX_EVENTS_PER_BATCH, type VouchEvent } from './schemas/events.js';
import { MAX_BODY_BYTES, takeBatch } from './takeBatch.js';

/** An event to send: `id` and `at` are filled in when missing. */
export type EventInput = VouchEvent extends infer E
  ? E extends VouchEvent
    ? Omit<E, 'id' | 'at'> & Partial<Pick<E, 'id' | 'at'>>
    : never
  : never;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The site's public key, sent in each batch (beacons cannot carry headers). */
  site: string;
  /** Origin of the vouch server; events go to `${endpoint}/v1/events`. */
  endpoint: string;
  platform: Platform;
  /** Where the outbox lives; its namespace should include the site key. */
  storage: ConsentStorage;
  /**
   * Told when events are dropped for good (an `HttpError`, with the server's `code`),
   * or when the sending code failed to load.
   */
  onError?: (error: Error & { code?: string | undefined }) => void;
  /** Told when the number of pending events may have changed. */
  onChange?: () => void;
  /** How long events gather before a batch goes out, in ms. @default 1000 */
  debounceMs?: number;
  /** Most events kept while the server cannot be reached. @default 500 */
  maxOutbox?: number;
  /** Abort a request after this many ms. @default 15000 */
  timeoutMs?: number;
  /** Backoff between retries. @default { baseMs: 1000, maxMs: 300000 } */
  retry?: RetryDelayOptions;
}

/** Sends events to the server, reliably and in batches. */
export interface Transport {
  /** Validates and queues an event; returns it with `id` and `at`. Throws a `TypeError` if invalid. */
  send(event: EventInput): VouchEvent;
  /** Sends what is pending now; resolves when the outbox is empty or a request failed. */
  flush(): Promise<void>;
  /** How many events wait for the server's acknowledgement. */
  pending(): number;
  /** Stops timers and listeners; queued events stay in storage for the next page. */
  destroy(): void;
}

/**
 * A transport that keeps every event in an outbox (consent-aware storage) until the
 * server acknowledges its id, so a reload or an offline hour loses nothing. Events
 * gather for `debounceMs` (a full batch goes at once); when the page is hidden, what
 * is pending goes out in a beacon and stays queued until a later request is
 * acknowledged. The network half (`createSender`: requests, retries, backoff) is
 * imported on first use, so it is not downloaded before the page paints.
 */
export function createTransport(options: TransportOptions): Transport {
  const { platform, site, debounceMs = 1000 } = options;
  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/events`;
  let warnedFull = false;
  const outbox = createOutbox(options.storage, {
    max: options.maxOutbox ?? 500,
    onDrop: (count) => {
      if (warnedFull) return;
      warnedFull = true;
      platform.warn(`[vouch] the event outbox is full: dropped the ${count} oldest event(s)`);
    },
  });
  let sender: Sender | null = null;
  let loading: Promise<Sender> | null = null;
  let timer: unknown = null;
  let destroyed = false;

  const load = () => {
    loading ??= import('./createSender.js').then(
      ({ createSender }) => {
        const senderOptions: SenderOptions = {
          ...options,
          url,
          outbox,
          timeoutMs: options.timeoutMs ?? 15_000,
        };
        sender = createSender(senderOptions);
        if (destroyed) sender.destroy();
        return sender;
      },
      (error: unknown) => {
        // Let a later send try again (a flaky network can fail a chunk too).
        loading = null;
        options.onError?.(error instanceof Error ? error : new Error(String(error)));
        throw error;
      },
    );
    return loading;
  };
  const run = (action: (sender: Sender) => Promise<void>) => load().then(action, () => undefined);
  const cancel = () => {
    if (timer !== null) platform.clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    if (timer !== null || destroyed || sender?.retrying()) return;
    timer = platform.setTimeout(() => {
      timer = null;
      void run((s) => s.drain());
    }, debounceMs);
  };

  const onHide = () => {
    if (destroyed) return;
    cancel();
    const skip = sender?.inFlight ?? new Set<string>();
    const waiting = outbox.read().filter((event) => !skip.has(event.id));
    let sent = 0;
    while (platform.sendBeacon && sent < waiting.length) {
      const batch = takeBatch(waiting.slice(sent), {
        skip,
        maxEvents: MAX_EVENTS_PER_BATCH,
        maxBytes: MAX_BODY_BYTES,
      });
      if (!platform.sendBeacon(url, JSON.stringify({ site, events: batch }))) break;
      sent += batch.length;
    }
    // A beacon gets no answer: the events stay queued until a request is acknowledged
    // (here if the page comes back, else on the next page); their ids make that harmless.
    if (sent < waiting.length) void run((s) => s.drain());
    else if (sent) schedule();
  };

  const stopHide = platform.onPageHide(onHide);
  const stopOnline = platform.onOnline(() => sender?.online());
  if (outbox.size()) schedule();

  return {
    send(input) {
      const result = validate(eventCheck, {
        ...input,
        id: input.id ?? platform.randomId(),
        at: input.at ?? new Date(platform.now()).toISOString(),
      });
      if (!result.ok) throw new TypeError(`[vouch] invalid event: ${formatIssues(result.issues)}`);
      outbox.add(result.value);
      options.onChange?.();
      if (
        outbox.size() - (sender?.inFlight.size ?? 0) >= MAX_EVENTS_PER_BATCH &&
        !sender?.retrying()
      ) {
        cancel();
        void run((s) => s.drain());
      } else schedule();
      return result.value;
    },
    async flush() {
      if (destroyed) return;
      cancel();
      await run((s) => s.flush());
    },
    pending: () => outbox.size(),
    destroy() {
      destroyed = true;
      cancel();
      sender?.destroy();
      stopHide();
      stopOnline();
    },
  };
}
