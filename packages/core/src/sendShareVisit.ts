import { requestJson } from './api/requestJson.js';
import type { RecorderParts } from './createRecorder.js';
import { createRetryLoop, isRetryable, type RetryLoop } from './createRetryLoop.js';

/**
 * Reports a friend's visit through `url`, a link shared with the sharer's referral `code`
 * (`POST /v1/shares/visits`, with the visitor id and the channel, `utm_source`), so that
 * the sharer's "when they visit" reward can be granted. Returns null when `url` was not
 * shared (no `utm_medium=share`, as `shareLink` writes it). The channel is checked by the
 * server (one it does not know is refused); its answer (`counted`) is not needed here.
 * A failed request is retried with backoff while the page is open (at once when the
 * browser is back online); a refusal (4xx) is final. The visit is not kept in storage:
 * the next page opened from the same link reports it again, and the server counts one per
 * code and browser, never the sharer's own.
 * Loaded on a referral landing (`?ref=`), after the page has painted; the default export,
 * so that the import in every page's client takes the fewest bytes.
 */
export default function sendShareVisit(
  {
    site,
    endpoint,
    platform,
    identity,
  }: Pick<RecorderParts, 'site' | 'endpoint' | 'platform' | 'identity'>,
  url: string,
  code: string,
): RetryLoop | null {
  const params = new URL(url).searchParams;
  const channel = params.get('utm_medium') === 'share' && params.get('utm_source');
  if (!channel) return null;
  const body = JSON.stringify({ site, code, channel, visitor: identity.visitor() });
  let sent = false;
  const loop = createRetryLoop(platform, async () => {
    if (sent) return false;
    try {
      await requestJson(platform, `${endpoint}/v1/shares/visits`, () => {}, { body });
    } catch (error) {
      if (isRetryable(error)) throw error;
    }
    sent = true;
    return false;
  });
  const stopOnline = platform.onOnline(loop.online);
  void loop.drain();
  return {
    ...loop,
    destroy() {
      loop.destroy();
      stopOnline();
    },
  };
}
