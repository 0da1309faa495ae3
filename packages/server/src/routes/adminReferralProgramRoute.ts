import type { Hono } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { readJsonBody } from '../http/readJsonBody.js';
import {
  readReferralProgram,
  saveReferralProgram,
} from '../referralProgram/saveReferralProgram.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import { invalidSettings } from './adminSiteRoute.js';

export interface AdminReferralProgramRouteOptions {
  database: VouchDatabase;
  sites: SiteDirectory;
  bodyLimit: number;
}

/**
 * `GET /v1/admin/referral-program`: the program as set, null when none, with warnings.
 * `PUT /v1/admin/referral-program`: sets it whole (`referralProgramSchema`); 400 naming
 * every bad field, and then nothing changes. This instance sees the change at once,
 * others within their site cache time.
 */
export function adminReferralProgramRoute(
  app: Hono<AppEnv>,
  options: AdminReferralProgramRouteOptions,
): void {
  const { database, sites, bodyLimit } = options;
  app.get('/v1/admin/referral-program', async (c) =>
    c.json(await readReferralProgram(database, c.get('site').id)),
  );

  app.put('/v1/admin/referral-program', async (c) => {
    const site = c.get('site');
    const body = await readJsonBody(c, bodyLimit);
    const saved = await saveReferralProgram(database, site.id, body).catch((error: unknown) => {
      throw isSiteInputError(error) ? invalidSettings(error.issues) : error;
    });
    sites.forget(site.publicKey);
    return c.json(saved);
  });
}
