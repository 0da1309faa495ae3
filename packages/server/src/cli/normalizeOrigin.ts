/**
 * Forgives what people type for an origin — a trailing slash, capitals — by taking the
 * URL's origin when nothing else (path, query) would be lost; anything else is passed on
 * to be refused with a message.
 */
export function normalizeOrigin(value: string): string {
  try {
    const url = new URL(value);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
    return bare && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : value;
  } catch {
    return value;
  }
}
