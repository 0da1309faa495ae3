import {
  couponClaimSchema,
  type ReferralLanding,
  referralCodeParamSchema,
  referralRequestSchema,
} from '@vouch/core/schemas';
import type { Hono } from 'hono';
import { issueCoupon } from '../coupons/issueCoupon.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import {
  type BrowserRequestOptions,
  invalidRequest,
  readBrowserRequest,
} from '../http/readBrowserRequest.js';
import { resolveBrowserSite } from '../http/resolveBrowserSite.js';
import { requireIdentity } from '../identity/requireIdentity.js';
import { loadReferralProgram } from '../referralProgram/loadReferralProgram.js';
import { approveDueRewards } from '../referrals/approveDueRewards.js';
import { describeOffer, firstName } from '../referrals/describeOffer.js';
import { ensureReferralCode } from '../referrals/ensureReferralCode.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';
import { loadReferral } from '../referrals/loadReferral.js';
import { upsertCustomer } from '../referrals/upsertCustomer.js';
import { validate } from '../schemas/validate.js';
import { settleShareRewards } from '../shares/grantShareReward.js';

/** What the browser referral routes need. */
export type ReferralsRouteOptions = BrowserRequestOptions & BrowserWriteLimit;

const programOff = () =>
  new ApiError(404, 'referral_program_off', 'This site has no referral program turned on.');
const notFound = (code: string) =>
  new ApiError(404, 'referral_not_found', `No referral code ${code} is active on this site.`);

/**
 * The browser's referral routes:
 * - `POST /v1/referrals`: the identified customer's code (created once) and link, their
 *   friends and rewards;
 * - `GET /v1/referrals/:code`: what a landing page may show;
 * - `POST /v1/referrals/:code/coupon`: the friend's coupon for one visitor.
 */
export function referralsRoute(app: Hono<AppEnv>, options: ReferralsRouteOptions): void {
  const { database, now } = options;
  const db = database.db;

  app.post('/v1/referrals', async (c) => {
    const { site, data } = await readBrowserRequest(c, referralRequestSchema, options);
    const verified = requireIdentity(site, data.customer, 'customer');
    await limitBrowserWrite(c, site.id, options);
    const at = new Date(now()).toISOString();
    const found = await db.transaction().execute(async (trx) => {
      const program = await loadReferralProgram(trx, site.id);
      if (!program) return null;
      const customer = await upsertCustomer(trx, site.id, data.customer, data.visitor, at);
      const code = await ensureReferralCode(trx, site.id, customer.id, at);
      return { program, customer, code };
    });
    if (!found) throw programOff();
    await approveDueRewards(db, { now: now(), siteId: site.id, customerId: found.customer.id });
    // A share reward gets its coupon only for its verified owner (see grantShareReward).
    if (verified) await settleShareRewards(db, site.id, found.customer.id, at);
    return c.json(
      await loadReferral(db, site, found.program, found.customer.id, found.code.code, verified),
    );
  });

  app.get('/v1/referrals/:code', async (c) => {
    const site = await resolveBrowserSite(
      c,
      options.sites,
      options.trustProxy,
      c.req.query('site'),
    );
    const code = referralCode(c.req.param('code'));
    const program = await loadReferralProgram(db, site.id);
    if (!program) throw notFound(code);
    const row = await db
      .selectFrom('referral_codes')
      .innerJoin('customers', 'customers.id', 'referral_codes.customer_id')
      .select(['referral_codes.code', 'customers.name'])
      .where('referral_codes.site_id', '=', site.id)
      .where('referral_codes.code', '=', code)
      .executeTakeFirst();
    if (!row) throw notFound(code);
    const source = program.friendOffer.coupon;
    const landing: ReferralLanding = {
      code: row.code,
      referrerName: firstName(row.name),
      offer: describeOffer(program.friendOffer.value, site.locale),
      coupon: source && 'code' in source ? source.code : null,
      claimable: source !== undefined && 'pool' in source,
    };
    return c.json(landing);
  });

  app.post('/v1/referrals/:code/coupon', async (c) => {
    const { site, data } = await readBrowserRequest(c, couponClaimSchema, options);
    const code = referralCode(c.req.param('code'));
    await limitBrowserWrite(c, site.id, options);
    const at = new Date(now()).toISOString();
    const coupon = await db.transaction().execute(async (trx) => {
      const program = await loadReferralProgram(trx, site.id);
      if (!program) throw notFound(code);
      const known = await trx
        .selectFrom('referral_codes')
        .select('code')
        .where('site_id', '=', site.id)
        .where('code', '=', code)
        .executeTakeFirst();
      if (!known) throw notFound(code);
      const source = program.friendOffer.coupon;
      if (!source) {
        throw new ApiError(
          409,
          'no_friend_coupon',
          "The friend's offer of this program has no coupon to claim.",
        );
      }
      const issued = await issueCoupon(trx, site.id, source, `visitor:${data.visitor}`);
      if (issued === null) {
        throw new ApiError(
          409,
          'coupons_exhausted',
          'No friend coupon is left to give out: the shop needs to add more to its pool.',
        );
      }
      await trx
        .insertInto('referral_claims')
        .values({
          site_id: site.id,
          code,
          visitor: data.visitor,
          coupon: issued,
          pooled: 'pool' in source ? 1 : 0,
          created_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['site_id', 'code', 'visitor']).doUpdateSet((eb) => ({
            coupon: eb.ref('excluded.coupon'),
            pooled: eb.ref('excluded.pooled'),
          })),
        )
        .execute();
      return issued;
    });
    return c.json({ coupon });
  });
}

/** The `:code` of a path, or 400 naming `code`. */
function referralCode(value: string): string {
  const parsed = validate(referralCodeParamSchema, { code: value });
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data.code;
}
