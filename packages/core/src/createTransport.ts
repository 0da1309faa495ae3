import type { ConsentStorage } from './createConsentStorage.js';
import { createOutbox } from './createOutbox.js';
import { formatIssues } from './formatIssues.js';
import type { Platform } from './platform.js';
import { postEvents } from './postEvents.js';
import { type RetryDelayOptions, retryDelay } from './retryDelay.js';
import { eventSchema, MAX_EVENTS_PER_BATCH, type VouchEvent } from './schemas/events.js';
import { takeBatch } from './takeBatch.js';
import { type HttpError, isHttpError } from './transportErrors.js';

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
  /** Told when events are dropped for good (the server rejected them). */
  onError?: (error: HttpError) => void;
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

/** Most bytes per body: beacons and keepalive requests are capped at 64 KiB. */
const MAX_BODY_BYTES = 60_000;

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
 * A transport that keeps every event in an outbox (consent-aware storage) until the
 * server acknowledges its id, batches them, retries network failures, 408, 429 and 5xx
 * with exponential backoff and full jitter (honouring `Retry-After`), resends at once
 * when the browser comes back online, and hands what is pending to a beacon when the
 * page is hidden. A batch the server rejects (other 4xx) is dropped and reported.
 */
export function createTransport(options: TransportOptions): Transport {
  const { platform, site, debounceMs = 1000, timeoutMs = 15_000 } = options;
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
  const inFlight = new Set<string>();
  let timer: unknown = null;
  let retrying = false;
  let attempt = 0;
  let notBefore = 0;
  let maxEvents = MAX_EVENTS_PER_BATCH;
  let running: Promise<void> | null = null;
  let destroyed = false;

  const clearTimer = () => {
    if (timer !== null) platform.clearTimeout(timer);
    timer = null;
    retrying = false;
  };
  const schedule = (ms: number, retry: boolean) => {
    clearTimer();
    retrying = retry;
    timer = platform.setTimeout(() => {
      timer = null;
      retrying = false;
      void drain();
    }, ms);
  };
  const bodyOf = (events: VouchEvent[]) => JSON.stringify({ site, events });
  const nextBatch = () =>
    takeBatch(outbox.read(), { skip: inFlight, maxEvents, maxBytes: MAX_BODY_BYTES });

  /** Sends one batch; true when the queue may go on, false after a retryable failure. */
  const deliver = async (batch: VouchEvent[]): Promise<boolean> => {
    const ids = new Set(batch.map((event) => event.id));
    for (const id of ids) inFlight.add(id);
    try {
      await postEvents(platform, url, bodyOf(batch), timeoutMs);
      outbox.remove(ids);
      attempt = 0;
      return true;
    } catch (error) {
      if (isRetryable(error)) {
        const asked = isHttpError(error) ? error.retryAfterMs : undefined;
        const wait = asked ?? retryDelay(attempt, platform.random, options.retry);
        attempt++;
        if (asked !== undefined) notBefore = platform.now() + asked;
        if (!destroyed) schedule(wait, true);
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
        const batch = nextBatch();
        if (!batch.length || !(await deliver(batch))) break;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const onHide = () => {
    if (destroyed) return;
    if (!retrying) clearTimer();
    const waiting = outbox.read().filter((event) => !inFlight.has(event.id));
    let sent = 0;
    if (platform.sendBeacon) {
      while (sent < waiting.length) {
        const batch = takeBatch(waiting.slice(sent), {
          skip: inFlight,
          maxEvents,
          maxBytes: MAX_BODY_BYTES,
        });
        if (!platform.sendBeacon(url, bodyOf(batch))) break;
        sent += batch.length;
      }
    }
    // A beacon gets no answer: the events stay queued until a fetch is acknowledged
    // (on the next page, or here if the page comes back); their ids make that harmless.
    if (sent < waiting.length) void drain();
    else if (sent && !retrying) schedule(debounceMs, false);
  };

  const stopHide = platform.onPageHide(onHide);
  const stopOnline = platform.onOnline(() => {
    if (retrying && platform.now() >= notBefore) {
      clearTimer();
      void drain();
    }
  });
  if (outbox.size()) schedule(debounceMs, false);

  return {
    send(input) {
      const result = eventSchema.safeParse({
        ...input,
        id: input.id ?? platform.randomId(),
        at: input.at ?? new Date(platform.now()).toISOString(),
      });
      if (!result.success)
        throw new TypeError(`[vouch] invalid event: ${formatIssues(result.error.issues)}`);
      outbox.add(result.data);
      options.onChange?.();
      if (!destroyed && !retrying) {
        if (outbox.size() - inFlight.size >= maxEvents) {
          clearTimer();
          void drain();
        } else if (timer === null) schedule(debounceMs, false);
      }
      return result.data;
    },
    async flush() {
      if (destroyed) return;
      if (platform.now() < notBefore) return;
      clearTimer();
      await drain();
    },
    pending: () => outbox.size(),
    destroy() {
      destroyed = true;
      clearTimer();
      stopHide();
      stopOnline();
    },
  };
}
