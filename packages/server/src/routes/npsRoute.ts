import { npsRequestSchema } from '@vouch/core/schemas';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import { type BrowserRequestOptions, readBrowserRequest } from '../http/readBrowserRequest.js';
import { recordNpsAnswer } from '../nps/recordNpsAnswer.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';

/** What `POST /v1/nps` needs. */
export type NpsRouteOptions = BrowserRequestOptions & BrowserWriteLimit;

/**
 * `POST /v1/nps`: an answer to the NPS prompt from a browser (public key, allowed
 * origin, rate limited like the other browser writes), idempotent by `id`. A score
 * outside 0–10, a comment over 2,000 characters or an `email` without `contact: true`
 * is refused with 400 naming the field; the same id with another score is 409.
 */
export function npsRoute(app: Hono<AppEnv>, options: NpsRouteOptions): void {
  app.post('/v1/nps', async (c) => {
    const { site, data } = await readBrowserRequest(c, npsRequestSchema, options);
    await limitBrowserWrite(c, site.id, options);
    return c.json(await recordNpsAnswer(options.database.db, site.id, data, options.now()));
  });
}
