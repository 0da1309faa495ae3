import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.js';
import { isComplete } from './completeResponse.js';
import type { SiteDirectory } from './createSiteDirectory.js';
import { errorResponse } from './handleError.js';

/** Headers a browser call may send. */
const ALLOWED_HEADERS = 'Content-Type, X-Vouch-Site';
/** Response headers the client reads. */
const EXPOSED_HEADERS = 'Retry-After';
/** Seconds a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE = 600;

/** The headers that let `origin` read a response. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    'cross-origin-resource-policy': 'cross-origin',
  };
}

/**
 * Lets `origin` read this response, whatever it turns out to be (errors included).
 * Called once the origin is known to be allowed; {@link browserCors} adds the headers.
 */
export function allowOrigin(c: Context<AppEnv>, origin: string): void {
  c.set('allowedOrigin', origin);
}

/**
 * For the browser API. Every answer varies by Origin; one whose origin was allowed
 * ({@link allowOrigin}) carries CORS headers for it. A request refused before its site
 * was known (bad JSON, no key, unknown key) is readable by a page whose origin belongs to
 * some site, so that a merchant's misconfigured page can see why; an origin the site
 * does not allow is never given CORS headers. Headers are added after the handler, so
 * that one it set itself is kept.
 */
export function browserCors(sites: SiteDirectory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (isComplete(c.res)) return;
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    const allowed = c.get('allowedOrigin');
    if (allowed) {
      for (const [name, value] of Object.entries(corsHeaders(allowed))) {
        if (!headers.has(name)) headers.set(name, value);
      }
      return;
    }
    const origin = c.req.header('origin');
    if (c.res.status < 400 || !origin || c.get('originRefused')) return;
    if (headers.has('Access-Control-Allow-Origin')) return;
    if (await sites.isKnownOrigin(origin)) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) headers.set(name, value);
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
