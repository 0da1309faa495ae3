import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';
import { selfOrigin } from './selfOrigin.js';

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
  return selfOrigin(c, trustProxy);
}
