import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';
import { markComplete } from './completeResponse.js';
import { corsHeaders } from './cors.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

// One frozen header object per allowed origin: building it costs more than the rest of
// the answer, and Node writes it without changing it. Origins are those of sites, so
// few; the bound only guards memory should that change.
const MAX_ORIGINS = 1000;
const headerSets = new Map<string, Readonly<Record<string, string>>>();

function headersFor(origin: string | undefined): Readonly<Record<string, string>> {
  const key = origin ?? '';
  let headers = headerSets.get(key);
  if (!headers) {
    headers = Object.freeze({
      ...SECURITY_HEADERS,
      ...(origin ? corsHeaders(origin) : {}),
      vary: 'Origin',
      'content-type': 'application/json',
    });
    if (headerSets.size >= MAX_ORIGINS) headerSets.clear();
    headerSets.set(key, headers);
  }
  return headers;
}

/**
 * A 200 JSON answer to a browser call with every header the middleware would add —
 * security headers, `Vary: Origin`, CORS for the allowed origin — in one plain object,
 * which Node writes as it is. For hot routes: a `Headers` instance filled header by
 * header costs more than the rest of the answer. Headers set with `c.header()` are not
 * carried over, as with any `Response` a handler returns itself.
 */
export function browserJson(c: Context<AppEnv>, body: unknown): Response {
  const headers = headersFor(c.get('allowedOrigin'));
  return markComplete(new Response(JSON.stringify(body), { status: 200, headers }));
}
