import type { Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import type { AdminSite } from '../schemas/adminSiteSchema.js';

/** `GET /v1/admin/site`: the settings of the site whose secret key authenticated the call. */
export function adminSiteRoute(app: Hono<AppEnv>): void {
  app.get('/v1/admin/site', (c) => {
    const site = c.get('site');
    const body: AdminSite = {
      id: site.id,
      site: site.publicKey,
      publicKey: site.publicKey,
      name: site.name,
      origins: site.origins,
      consentRequired: site.consentRequired,
      attributionDays: site.attributionDays,
      attribution: site.attribution,
      locale: site.locale,
      theme: site.theme,
      createdAt: site.createdAt,
    };
    return c.json(body);
  });
}
