import type { ErrorIssue } from '@vouch/core/schemas';
import type { Hono } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { AdminSite } from '../schemas/adminSiteSchema.js';
import { validate } from '../schemas/validate.js';
import type { Site } from '../sites/Site.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import { toSiteConfig } from '../sites/toSiteConfig.js';
import { siteUpdateSchema, updateSite } from '../sites/updateSite.js';

export interface AdminSiteRouteOptions {
  database: VouchDatabase;
  sites: SiteDirectory;
  bodyLimit: number;
}

/**
 * `GET /v1/admin/site`: the settings of the site whose secret key authenticated the
 * call. `PATCH /v1/admin/site`: changes the settings given (`siteUpdateSchema`) and
 * answers the site as it is now; this instance sees the change at once, others within
 * their site cache time.
 */
export function adminSiteRoute(app: Hono<AppEnv>, options: AdminSiteRouteOptions): void {
  const { database, sites, bodyLimit } = options;
  app.get('/v1/admin/site', (c) => c.json(toAdminSite(c.get('site'))));

  app.patch('/v1/admin/site', async (c) => {
    const before = c.get('site');
    const parsed = validate(siteUpdateSchema, await readJsonBody(c, bodyLimit));
    if (!parsed.success) throw invalidSettings(parsed.issues);
    const site = await updateSite(database, before.id, parsed.data).catch((error: unknown) => {
      throw isSiteInputError(error) ? invalidSettings(error.issues) : error;
    });
    sites.forget(site.publicKey, [...before.origins, ...site.origins]);
    return c.json(toAdminSite(site));
  });
}

/** 400 `invalid_request` for settings the site cannot take, naming every bad field. */
export function invalidSettings(issues: ErrorIssue[]): ApiError {
  return new ApiError(400, 'invalid_request', 'The settings are invalid; see issues.', { issues });
}

/** A site as the admin API shows it: every setting, never a secret. */
export function toAdminSite(site: Site): AdminSite {
  return {
    ...toSiteConfig(site),
    id: site.id,
    publicKey: site.publicKey,
    origins: site.origins,
    createdAt: site.createdAt,
  };
}
