import type { Hono } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { readShareProgram, saveShareProgram } from '../shareProgram/saveShareProgram.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import { invalidSettings } from './adminSiteRoute.js';

export interface AdminShareProgramRouteOptions {
  database: VouchDatabase;
  sites: SiteDirectory;
  bodyLimit: number;
}

/**
 * `GET /v1/admin/share-program`: the program as set, null when none, with warnings.
 * `PUT /v1/admin/share-program`: sets it whole (`shareProgramSchema`); 400 naming every
 * bad field, and then nothing changes. This instance sees the change at once, others
 * within their site cache time.
 */
export function adminShareProgramRoute(
  app: Hono<AppEnv>,
  options: AdminShareProgramRouteOptions,
): void {
  const { database, sites, bodyLimit } = options;
  app.get('/v1/admin/share-program', async (c) =>
    c.json(await readShareProgram(database, c.get('site').id)),
  );

  app.put('/v1/admin/share-program', async (c) => {
    const site = c.get('site');
    const body = await readJsonBody(c, bodyLimit);
    const saved = await saveShareProgram(database, site.id, body).catch((error: unknown) => {
      throw isSiteInputError(error) ? invalidSettings(error.issues) : error;
    });
    sites.forget(site.publicKey);
    return c.json(saved);
  });
}
