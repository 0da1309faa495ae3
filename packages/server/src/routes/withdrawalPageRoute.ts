import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { selfOrigin } from '../http/selfOrigin.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';
import {
  testimonialIdParamSchema,
  withdrawalLinkQuerySchema,
} from '../schemas/testimonialSchemas.js';
import { validate } from '../schemas/validate.js';
import type { Site } from '../sites/Site.js';
import { type WithdrawalState, withdrawalPage } from '../testimonials/withdrawalPage.js';
import { canWithdraw, withdrawTestimonial } from '../testimonials/withdrawTestimonial.js';

/** What the withdrawal page needs. */
export type WithdrawalPageRouteOptions = BrowserWriteLimit & { sites: SiteDirectory };

/** The author's link to the page that withdraws testimonial `id` of `site`. */
export function withdrawalUrl(
  c: Context<AppEnv>,
  trustProxy: boolean,
  site: Site,
  id: string,
  token: string,
): string {
  const query = new URLSearchParams({ site: site.publicKey, token });
  return `${selfOrigin(c, trustProxy)}/v1/testimonials/${encodeURIComponent(id)}/withdrawal?${query}`;
}

/**
 * The author's withdrawal link, `/v1/testimonials/:id/withdrawal?site=pk_…&token=wd_…`
 * (given with the first answer): `GET` asks, with one button, and changes nothing;
 * `POST` (that button) withdraws, as `POST /v1/testimonials/:id/withdraw` does. HTML for
 * people, with a policy that allows its one style sheet and posting to itself; the link
 * holds a secret, so the page sends no referrer, is never cached and never indexed. A
 * link that names nothing withdrawable gets the same "nothing to withdraw" page (404),
 * whatever is wrong with it, so it tells nothing about which reviews exist.
 */
export function withdrawalPageRoute(app: Hono<AppEnv>, options: WithdrawalPageRouteOptions): void {
  const page = (c: Context<AppEnv>, state: WithdrawalState, site: Site | undefined) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(withdrawalPage(state, site?.name ?? '', nonce), state === 'gone' ? 404 : 200, {
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    });
  };
  /** The site and testimonial the link names, when it is well formed. */
  const read = async (c: Context<AppEnv>) => {
    const query = validate(withdrawalLinkQuerySchema, c.req.query());
    const path = validate(testimonialIdParamSchema, { id: c.req.param('id') });
    if (!query.success || !path.success) return undefined;
    const site = await options.sites.byPublicKey(query.data.site);
    return site && { site, id: path.data.id, token: query.data.token };
  };

  app.get('/v1/testimonials/:id/withdrawal', async (c) => {
    const link = await read(c);
    if (!link) return page(c, 'gone', undefined);
    const open = await canWithdraw(options.database.db, link.site.id, link.id, link.token);
    return page(c, open ? 'ask' : 'gone', link.site);
  });

  app.post('/v1/testimonials/:id/withdrawal', async (c) => {
    const link = await read(c);
    if (!link) return page(c, 'gone', undefined);
    await limitBrowserWrite(c, link.site.id, options);
    try {
      await withdrawTestimonial(options.database.db, link.site.id, link.id, link.token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return page(c, 'gone', link.site);
      throw error;
    }
    return page(c, 'done', link.site);
  });
}
