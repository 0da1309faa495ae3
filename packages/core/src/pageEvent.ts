import type { EventInput } from './createTransport.js';
import type { Platform } from './platform.js';

const MAX_URL = 2048;

/**
 * `url` made short enough for an event: without its fragment, then without its query
 * (tracking parameters make the longest URLs), and only then cut.
 */
export function clipUrl(url: string): string {
  if (url.length <= MAX_URL) return url;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    if (parsed.href.length <= MAX_URL) return parsed.href;
    parsed.search = '';
    if (parsed.href.length <= MAX_URL) return parsed.href;
  } catch {
    // Not a URL: cut it below, validation decides.
  }
  return url.slice(0, MAX_URL);
}

/** A `page` event for the platform's current page. */
export function pageEvent(platform: Platform): EventInput {
  const referrer = clipUrl(platform.referrer());
  return {
    type: 'page',
    url: clipUrl(platform.location()),
    // Only http(s) referrers are worth keeping (not android-app:// and the like).
    referrer: /^https?:\/\//i.test(referrer) ? referrer : '',
    title: platform.title().slice(0, 300),
  };
}
