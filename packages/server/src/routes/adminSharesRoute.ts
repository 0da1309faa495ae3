import type { Hono } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import { invalidRequest } from '../http/readBrowserRequest.js';
import { shareReportQuerySchema } from '../schemas/shareReportQuerySchema.js';
import { validate } from '../schemas/validate.js';
import { shareReport } from '../shares/shareReport.js';

/**
 * `GET /v1/admin/shares/report?from&to&tz`: shares, friends' visits and their purchases
 * per channel, with totals (secret key, checked by the `/v1/admin/*` middleware).
 */
export function adminSharesRoute(app: Hono<AppEnv>, options: { database: VouchDatabase }): void {
  const db = options.database.db;
  app.get('/v1/admin/shares/report', async (c) => {
    const parsed = validate(shareReportQuerySchema, c.req.query());
    if (!parsed.success) throw invalidRequest(parsed.issues);
    return c.json(await shareReport(db, c.get('site').id, parsed.data));
  });
}
