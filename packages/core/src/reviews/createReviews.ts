import type { ApiClientOptions } from '../api/createApiClient.js';
import { requestJson } from '../api/requestJson.js';
import { createQueueLoop } from '../createQueueLoop.js';
import { formatIssues } from '../formatIssues.js';
import { arrayOf, object, oneOf, optional, validate } from '../guards/check.js';
import { testimonialInputCheck } from '../guards/testimonialInputCheck.js';
import { anyText, booleanCheck, httpUrlCheck, isHttpUrl } from '../guards/wireChecks.js';
import type { TestimonialInput } from '../schemas/testimonials.js';
import type { HttpError } from '../transportErrors.js';

/**
 * What `client.submitTestimonial` takes: the body of `POST /v1/testimonials` without what
 * the client adds itself (site, visitor, customer, time, page). Without an `id` the client
 * makes one; a form that may send again (after an error) gives its own, so that a retry
 * can never store the testimonial twice.
 */
export type TestimonialSubmitInput = Omit<
  TestimonialInput,
  'site' | 'visitor' | 'customer' | 'customerHash' | 'at' | 'url'
>;

/**
 * What `client.submitTestimonial` resolves to: the server's answer (always `pending`, the
 * testimonial waits for the merchant; in the first answer only, `withdrawToken` and the
 * author's link to a page that withdraws it, `withdrawUrl`), or `queued` when the server
 * could not be reached and the testimonial waits to be sent.
 */
export type TestimonialSubmission =
  | {
      id: string;
      status: 'pending';
      stored: boolean;
      withdrawToken?: string | undefined;
      withdrawUrl?: string | undefined;
    }
  | { id: string; status: 'queued' };

/** What `client.withdrawTestimonial` takes: the testimonial's id and its withdrawal token. */
export interface TestimonialWithdrawal {
  id: string;
  token: string;
}

/** The testimonial calls of a client. */
export interface Reviews {
  submit(input: TestimonialSubmitInput): Promise<TestimonialSubmission>;
  withdraw(withdrawal: TestimonialWithdrawal): Promise<{ id: string; withdrawn: true }>;
  destroy(): void;
}

type Receipt = Extract<TestimonialSubmission, { status: 'pending' }>;

const receiptCheck = object<Receipt>(
  {
    id: anyText,
    status: oneOf(['pending'], 'expected "pending"'),
    stored: booleanCheck,
    withdrawToken: optional(anyText),
    withdrawUrl: optional(httpUrlCheck),
  },
  false,
);
const withdrawnCheck = object<{ id: string; withdrawn: true }>(
  { id: anyText, withdrawn: oneOf([true], 'expected true') },
  false,
);
const storedCheck = arrayOf<unknown>(() => {});

/**
 * The client's testimonial calls. A submission is checked at once (a 400-like error names
 * each bad field, nothing is sent), then kept under `key` in the client's consent-aware
 * storage until the server acknowledges its `id`, and sent. Kept there, the testimonial —
 * with the author's private e-mail — is persisted (in `localStorage`) only where that
 * storage allows it: the site does not require consent, or the shopper granted it;
 * otherwise it lives in memory for this page only, and a reload before it was sent loses
 * it. A network failure, a timeout, 408, 429 or 5xx keep it queued and retried with
 * backoff and at once when the browser is back online (`createQueueLoop`); the server
 * stores an id once, so a retry or a beacon never makes a second testimonial. A 400 (or
 * any other refusal) takes it off the queue and is never retried.
 */
export function createReviews(parts: ApiClientOptions, key: string): Reviews {
  const { platform, storage, emitter, endpoint, site } = parts;
  const url = `${endpoint}/v1/testimonials`;
  const waiting = new Map<string, [(value: Receipt) => void, (error: unknown) => void]>();

  // What fails its check when read back is dropped, never sent.
  const read = (): TestimonialInput[] => {
    const stored = storage.get(key, storedCheck) ?? [];
    const queue = stored.filter(
      (item): item is TestimonialInput => validate(testimonialInputCheck, item).ok,
    );
    if (queue.length !== stored.length) write(queue);
    return queue;
  };
  const write = (queue: TestimonialInput[]) => {
    if (queue.length) storage.set(key, queue);
    else storage.remove(key);
  };
  const settle = (id: string) => {
    const callbacks = waiting.get(id);
    waiting.delete(id);
    write(read().filter((queued) => queued.id !== id));
    return callbacks;
  };

  const loop = createQueueLoop<TestimonialInput, Receipt>({
    platform,
    url,
    read,
    key: (request) => request.id as string,
    post: (request) => requestJson(platform, url, receiptCheck, { body: JSON.stringify(request) }),
    done: (request, receipt) => settle(request.id as string)?.[0](receipt),
    refused(request, error: HttpError) {
      const callbacks = settle(request.id as string);
      if (callbacks) return callbacks[1](error);
      emitter.emit('error', {
        message: `testimonial "${request.id}" was refused: ${error.message}`,
        ...(error.code && { code: error.code }),
        error,
      });
    },
  });
  if (read().length) void loop.drain();

  return {
    async submit(input) {
      const page = platform.location();
      const identity = parts.identity();
      const customer = identity?.id;
      const request: Record<string, unknown> = {
        ...input,
        id: input?.id ?? `tst_${platform.randomId()}`,
        site,
        at: new Date(platform.now()).toISOString(),
        visitor: parts.visitor(),
        ...(customer && { customer }),
        ...(identity?.hash && { customerHash: identity.hash }),
        ...(page.length <= 2048 && isHttpUrl(page) && { url: page }),
      };
      // An empty optional text is left out, as the API asks, rather than refused.
      if (request.title === '') delete request.title;
      if (request.email === '') delete request.email;
      const checked = validate(testimonialInputCheck, request);
      if (!checked.ok) {
        const message = `[vouch] submitTestimonial: ${formatIssues(checked.issues)}`;
        throw Object.assign(new TypeError(message), {
          code: 'invalid_request',
          issues: checked.issues,
        });
      }
      const id = checked.value.id as string;
      write([...read().filter((queued) => queued.id !== id), checked.value]);
      return new Promise<TestimonialSubmission>((resolve, reject) => {
        waiting.set(id, [resolve, reject]);
        // Sent now (a backoff wait is cut short); still waiting after it: kept for later.
        void loop.flush().then(() => {
          if (waiting.delete(id)) resolve({ id, status: 'queued' });
        });
      });
    },
    withdraw: ({ id, token }) =>
      requestJson(platform, `${url}/${encodeURIComponent(id)}/withdraw`, withdrawnCheck, {
        body: JSON.stringify({ site, token }),
      }),
    destroy: loop.destroy,
  };
}
