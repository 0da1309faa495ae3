import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * The address a request came from, for rate limiting. Behind a trusted proxy it is the
 * last `X-Forwarded-For` entry — the one the proxy itself appended, which a client
 * cannot forge (entries before it can be anything the client sent). Without a socket
 * (`app.request()` in tests) it is `unknown`.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  if (!c.env?.incoming) return 'unknown';
  return getConnInfo(c).remote.address ?? 'unknown';
}
