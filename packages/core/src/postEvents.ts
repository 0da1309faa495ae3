import { validate } from './guards/check.js';
import { errorBodyCheck, eventBatchResultCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';
import { parseRetryAfter } from './retryDelay.js';
import type { EventBatchResult } from './schemas/events.js';
import { HttpError, NetworkError, TimeoutError } from './transportErrors.js';

/** `text/plain` keeps the POST a CORS-simple request: no preflight round trip. */
export const EVENTS_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/**
 * POSTs one serialized batch to `url` and returns the server's acknowledgement.
 * Throws a `NetworkError` when the request never got an answer, a `TimeoutError` after
 * `timeoutMs`, and an `HttpError` for any other answer than a readable 2xx.
 */
export async function postEvents(
  platform: Platform,
  url: string,
  body: string,
  timeoutMs: number,
): Promise<EventBatchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = platform.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await platform.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': EVENTS_CONTENT_TYPE },
      body,
      // keepalive lets the request outlive the page; it caps the body at 64 KiB.
      keepalive: true,
      credentials: 'omit',
      signal: controller.signal,
    });
    status = response.status;
    retryAfter = response.headers.get('Retry-After');
    text = await response.text();
  } catch (error) {
    if (timedOut) throw new TimeoutError(`no answer from ${url} within ${timeoutMs} ms`);
    throw new NetworkError(`could not reach ${url}`, { cause: error });
  } finally {
    platform.clearTimeout(timer);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status >= 200 && status < 300) {
    const result = validate(eventBatchResultCheck, json);
    if (result.ok) return result.value;
    throw new HttpError(status, `unreadable answer from ${url}`, { code: 'invalid_response' });
  }
  const answer = validate(errorBodyCheck, json);
  const error = answer.ok ? answer.value.error : undefined;
  const retryAfterMs = parseRetryAfter(retryAfter, platform.now());
  throw new HttpError(status, error ? error.message : `HTTP ${status}`, {
    ...(error && { code: error.code }),
    ...(error?.issues && { issues: error.issues }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}
