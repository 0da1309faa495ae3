import { errorBodyCheck } from '../guards/answerChecks.js';
import { type Check, validate } from '../guards/check.js';
import type { Platform } from '../platform.js';
import { parseRetryAfter } from '../retryDelay.js';
import { HttpError, NetworkError, TimeoutError } from '../transportErrors.js';

/** `text/plain` keeps a POST a CORS-simple request: no preflight round trip. */
export const PLAIN_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** A request of {@link requestJson}: a GET, or a POST of a serialized JSON body. */
export interface JsonRequest {
  /** The JSON body of a POST; without it the request is a GET. */
  body?: string;
  /** Abort the request after this many ms. @default 15000 */
  timeoutMs?: number;
}

/**
 * Calls the vouch API at `url` and returns its answer, validated by `check`. A POST goes
 * as `text/plain` with `keepalive` (it may outlive the page) and no custom header, so
 * that neither needs a CORS preflight. Throws a `NetworkError` when the request never got
 * an answer, a `TimeoutError` after `timeoutMs`, and an `HttpError` for any answer other
 * than a readable 2xx (with the server's `code`, `issues` and `Retry-After`).
 */
export async function requestJson<T>(
  platform: Platform,
  url: string,
  check: Check<T>,
  { body, timeoutMs = 15_000 }: JsonRequest = {},
): Promise<T> {
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
      credentials: 'omit',
      signal: controller.signal,
      ...(body !== undefined && {
        method: 'POST',
        headers: { 'Content-Type': PLAIN_CONTENT_TYPE },
        body,
        // keepalive lets the request outlive the page; it caps the body at 64 KiB.
        keepalive: true,
      }),
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
    const result = validate(check, json);
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
