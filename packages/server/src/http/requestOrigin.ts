import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * The origin of the page that made the request: its `Origin` header, or, for a
 * same-origin GET (which browsers send without one, e.g. a shop served by this very
 * server), the origin the request was made to. Behind a trusted proxy that origin is
 * rebuilt from `X-Forwarded-Proto` and `X-Forwarded-Host`.
 */
export function requestOrigin(c: Context<AppEnv>, trustProxy: boolean): string | undefined {
  const origin = c.req.header('origin');
  if (origin) return origin;
  if (c.req.header('sec-fetch-site') !== 'same-origin') return undefined;
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = firstValue(c.req.header('x-forwarded-proto'));
    const host = firstValue(c.req.header('x-forwarded-host'));
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}
