import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.js';
import { isComplete } from './completeResponse.js';

/**
 * Headers every response carries unless its handler set its own: scripts are embedded
 * by shops' pages and say `Cross-Origin-Resource-Policy: cross-origin`; cacheable answers
 * set their own `Cache-Control` (the default `no-store` keeps admin answers out of shared
 * caches). JSON may never be framed or run anything.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Adds {@link SECURITY_HEADERS} that are missing to whatever the handler (or the error
 * handler) answered, as Hono's own middleware does: after the handler, so that one that
 * sets a header of its own keeps it.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (isComplete(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!headers.has(name)) headers.set(name, value);
    }
  };
}
