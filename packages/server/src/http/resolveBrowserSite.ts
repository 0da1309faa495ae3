import type { Context } from 'hono';
import type { Site } from '../sites/Site.js';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';
import { allowOrigin } from './cors.js';
import type { SiteDirectory } from './createSiteDirectory.js';
import { requestOrigin } from './requestOrigin.js';

/** Header a browser call may carry its public key in. */
export const SITE_HEADER = 'X-Vouch-Site';

/**
 * Authenticates a browser call: finds the site of its public key (the `X-Vouch-Site`
 * header, else `fromRequest`: the body's `site` or the path's `:site`) and accepts the
 * call only from one of the site's origins, which it then lets read the answer.
 *
 * An unknown key is 404 `site_not_found` rather than 401: the key is public, so the
 * answer reveals nothing, and it tells a merchant the snippet names no site here.
 *
 * With `serverReads` (public reads only: the settings, the approved testimonials, the
 * rating), a request that no browser made is answered too: a shop's own server rendering
 * its pages sends neither an `Origin` nor a `Sec-Fetch-Site` header (a browser's read from
 * another origin always has an `Origin`). It gets no CORS headers, so a page of another
 * origin still cannot read the answer; a browser's `Origin` not the site's is refused.
 */
export async function resolveBrowserSite(
  c: Context<AppEnv>,
  sites: SiteDirectory,
  trustProxy: boolean,
  fromRequest?: string,
  serverReads = false,
): Promise<Site> {
  const header = c.req.header(SITE_HEADER);
  if (header && fromRequest && header !== fromRequest) {
    throw new ApiError(400, 'invalid_request', `The ${SITE_HEADER} header and the site differ.`, {
      issues: [{ path: 'site', message: `differs from the ${SITE_HEADER} header` }],
    });
  }
  const key = header ?? fromRequest;
  if (!key) {
    throw new ApiError(400, 'invalid_request', 'A public site key (pk_…) is required.', {
      issues: [{ path: 'site', message: `required here or in the ${SITE_HEADER} header` }],
    });
  }
  const site = await sites.byPublicKey(key);
  if (!site) throw new ApiError(404, 'site_not_found', 'No site has this public key.');
  if (serverReads && isServerRequest(c)) {
    c.set('site', site);
    return site;
  }
  const origin = requestOrigin(c, trustProxy);
  if (!origin || !site.origins.includes(origin)) {
    c.set('originRefused', true);
    throw new ApiError(
      403,
      'origin_not_allowed',
      `The origin ${origin ?? '(none)'} is not allowed for this site.`,
    );
  }
  allowOrigin(c, origin);
  c.set('site', site);
  return site;
}

/** Whether no browser made the request: it carries neither `Origin` nor `Sec-Fetch-Site`. */
function isServerRequest(c: Context<AppEnv>): boolean {
  return !c.req.header('origin') && !c.req.header('sec-fetch-site');
}
