import type { Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { resolveBrowserSite } from '../http/resolveBrowserSite.js';
import { toSiteConfig } from '../sites/toSiteConfig.js';

/** Browsers may reuse the settings this long; a merchant's change shows within it. */
const CONFIG_CACHE = 'public, max-age=60';

/**
 * `GET /v1/sites/:site/config`: the public settings, for the site's own origins, and for
 * servers (a shop rendering its pages with `@vouch/widget/ssr`; no CORS headers).
 */
export function siteConfigRoute(
  app: Hono<AppEnv>,
  sites: SiteDirectory,
  trustProxy: boolean,
): void {
  app.get('/v1/sites/:site/config', async (c) => {
    const site = await resolveBrowserSite(c, sites, trustProxy, c.req.param('site'), true);
    c.header('Cache-Control', CONFIG_CACHE);
    return c.json(toSiteConfig(site));
  });
}
