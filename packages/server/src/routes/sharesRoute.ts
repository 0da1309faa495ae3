import { shareRequestSchema, shareVisitRequestSchema } from '@vouch/core/schemas';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import { type BrowserRequestOptions, readBrowserRequest } from '../http/readBrowserRequest.js';
import { requireIdentity } from '../identity/requireIdentity.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';
import { countShareVisit } from '../shares/countShareVisit.js';
import { recordShare } from '../shares/recordShare.js';

/** What the browser share routes need. */
export type SharesRouteOptions = BrowserRequestOptions & BrowserWriteLimit;

/**
 * The browser's share routes, rate limited like every browser write:
 * - `POST /v1/shares`: a shopper shared (idempotent by `id`); the answer carries the
 *   sharer's reward of the campaign once granted;
 * - `POST /v1/shares/visits`: a friend opened a shared link; counted once per code and
 *   browser, never for the sharer's own browsers.
 */
export function sharesRoute(app: Hono<AppEnv>, options: SharesRouteOptions): void {
  const { database, now } = options;
  const db = database.db;

  app.post('/v1/shares', async (c) => {
    const { site, data } = await readBrowserRequest(c, shareRequestSchema, options);
    const verified = data.customer ? requireIdentity(site, data.customer, 'customer') : false;
    await limitBrowserWrite(c, site.id, options);
    const at = new Date(now()).toISOString();
    return c.json(
      await recordShare(db, data, { siteId: site.id, locale: site.locale, verified, at }),
    );
  });

  app.post('/v1/shares/visits', async (c) => {
    const { site, data } = await readBrowserRequest(c, shareVisitRequestSchema, options);
    await limitBrowserWrite(c, site.id, options);
    const at = new Date(now()).toISOString();
    return c.json({ counted: await countShareVisit(db, site.id, data, at) });
  });
}
