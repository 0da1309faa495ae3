/** Longest URL an event may carry (`httpUrlSchema`). */
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
