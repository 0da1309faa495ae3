import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { validate } from '../schemas/validate.js';
import type { Site } from '../sites/Site.js';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';
import type { SiteDirectory } from './createSiteDirectory.js';
import { readJsonBody } from './readJsonBody.js';
import { resolveBrowserSite, SITE_HEADER } from './resolveBrowserSite.js';

/** How {@link readBrowserRequest} reads and authenticates. */
export interface BrowserRequestOptions {
  sites: SiteDirectory;
  bodyLimit: number;
  trustProxy: boolean;
}

/**
 * A browser call's JSON body, validated with `schema`, and its site (public key from
 * `X-Vouch-Site` or the body's `site`, checked against the request's origin). A body
 * with no key at all is answered with every problem it has; otherwise the origin is
 * checked first, so a foreign page learns nothing about a site's API by probing it.
 */
export async function readBrowserRequest<T extends z.core.$ZodType>(
  c: Context<AppEnv>,
  schema: T,
  options: BrowserRequestOptions,
): Promise<{ site: Site; data: z.output<T> }> {
  const body = await readJsonBody(c, options.bodyLimit);
  const bodySite =
    typeof body === 'object' && body !== null && 'site' in body ? body.site : undefined;
  const key = typeof bodySite === 'string' ? bodySite : undefined;
  const parsed = validate(schema, body);
  if (!key && !c.req.header(SITE_HEADER) && !parsed.success) throw invalidRequest(parsed.issues);
  const site = await resolveBrowserSite(c, options.sites, options.trustProxy, key);
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return { site, data: parsed.data };
}

/** 400 `invalid_request` naming every bad field. */
export function invalidRequest(issues: Array<{ path: string; message: string }>): ApiError {
  return new ApiError(400, 'invalid_request', 'The request is invalid; see issues.', { issues });
}
