import { clipUrl } from './clipUrl.js';
import type { EventInput } from './createTransport.js';
import type { Platform } from './platform.js';

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
