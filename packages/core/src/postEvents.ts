import { requestJson } from './api/requestJson.js';
import { eventBatchResultCheck } from './guards/answerChecks.js';
import type { Platform } from './platform.js';
import type { EventBatchResult } from './schemas/events.js';

/**
 * POSTs one serialized batch to `url` and returns the server's acknowledgement.
 * Throws a `NetworkError` when the request never got an answer, a `TimeoutError` after
 * `timeoutMs`, and an `HttpError` for any other answer than a readable 2xx.
 */
export function postEvents(
  platform: Platform,
  url: string,
  body: string,
  timeoutMs: number,
): Promise<EventBatchResult> {
  return requestJson(platform, url, eventBatchResultCheck, { body, timeoutMs });
}
