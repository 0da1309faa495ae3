import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * Headers on every response, set before the handler runs so that they go out with
 * whatever it (or the error handler) answers, and a handler can override them: scripts
 * are embedded by shops' pages and say `Cross-Origin-Resource-Policy: cross-origin`;
 * cacheable answers set their own `Cache-Control` (the default `no-store` keeps admin
 * answers out of shared caches). JSON may never be framed or run anything.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
