import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.js';
import type { SiteDirectory } from './createSiteDirectory.js';
import { errorResponse } from './handleError.js';

/** Headers a browser call may send. */
const ALLOWED_HEADERS = 'Content-Type, X-Vouch-Site';
/** Response headers the client reads. */
const EXPOSED_HEADERS = 'Retry-After';
/** Seconds a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE = 600;

/** Lets `origin` read this response. Called once the origin is known to be allowed. */
export function allowOrigin(c: Context<AppEnv>, origin: string): void {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
}

/**
 * For the browser API. Every answer varies by Origin. A request refused before its site
 * was known (bad JSON, no key, unknown key) is readable by a page whose origin belongs to
 * some site, so that a merchant's misconfigured page can see why; an origin the site
 * does not allow is never given CORS headers.
 */
export function browserCors(sites: SiteDirectory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Vary', 'Origin', { append: true });
    await next();
    const origin = c.req.header('origin');
    if (c.res.status < 400 || !origin || c.get('originRefused')) return;
    if (c.res.headers.has('Access-Control-Allow-Origin')) return;
    if (await sites.isKnownOrigin(origin)) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    }
  };
}

/**
 * Answers a CORS preflight. It carries no site key, so it is allowed for any origin that
 * belongs to some site; the real request is then checked against its own site.
 */
export function preflight(sites: SiteDirectory) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const origin = c.req.header('origin');
    if (!origin || !(await sites.isKnownOrigin(origin))) {
      c.set('originRefused', true);
      return errorResponse(c, 403, {
        code: 'origin_not_allowed',
        message: `The origin ${origin ?? '(none)'} is not allowed by any site.`,
      });
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE));
    c.header('Cache-Control', `public, max-age=${PREFLIGHT_MAX_AGE}`);
    return c.body(null, 204);
  };
}
