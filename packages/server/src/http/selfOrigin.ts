import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * The origin this server is reached at, for links it hands out: the request's own, or,
 * behind a trusted proxy, rebuilt from `X-Forwarded-Proto` and `X-Forwarded-Host`.
 */
export function selfOrigin(c: Context<AppEnv>, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = firstValue(c.req.header('x-forwarded-proto'));
    const host = firstValue(c.req.header('x-forwarded-host'));
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

/** The first of a comma-separated header's values, trimmed, or undefined. */
function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}
