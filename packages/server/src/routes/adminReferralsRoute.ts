import {
  advocateListQuerySchema,
  conversionListQuerySchema,
  orderIdParamSchema,
  referralListQuerySchema,
  rewardIdParamSchema,
  rewardListQuerySchema,
} from '@vouch/core/schemas';
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import { invalidRequest } from '../http/readBrowserRequest.js';
import { approveDueRewards } from '../referrals/approveDueRewards.js';
import { approveReward, lockReward } from '../referrals/approveReward.js';
import { listConversions } from '../referrals/listConversions.js';
import { listReferrals, topAdvocates } from '../referrals/listReferrals.js';
import { findRewardRecord, listRewards } from '../referrals/listRewards.js';
import { refundOrder } from '../referrals/refundOrder.js';
import type { RewardRow } from '../referrals/rewardRows.js';
import { voidReward } from '../referrals/voidReward.js';
import { validate } from '../schemas/validate.js';

/** What the admin referral routes need. */
export interface AdminReferralsRouteOptions {
  database: VouchDatabase;
  now: () => number;
}

/** The query string, validated; 400 naming each bad parameter. */
function query<T extends z.core.$ZodType>(c: Context<AppEnv>, schema: T): z.output<T> {
  const parsed = validate(schema, c.req.query());
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data;
}

/** A path parameter, validated; 400 naming it. */
function param<T extends z.core.$ZodType>(value: Record<string, string>, schema: T): z.output<T> {
  const parsed = validate(schema, value);
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data;
}

/**
 * The admin side of the referral program (secret key, checked by the `/v1/admin/*`
 * middleware): lists of referral codes, conversions and rewards with filters and cursor
 * pagination, approving and voiding rewards, refunding orders, top advocates. Rewards
 * due for approval are approved before a list is read, so a list never shows a reward
 * pending that is already due.
 */
export function adminReferralsRoute(app: Hono<AppEnv>, options: AdminReferralsRouteOptions): void {
  const { now } = options;
  const db = options.database.db;
  const sweep = (siteId: string) => approveDueRewards(db, { now: now(), siteId });

  app.get('/v1/admin/referrals', async (c) => {
    const site = c.get('site');
    await sweep(site.id);
    return c.json(await listReferrals(db, site.id, query(c, referralListQuerySchema)));
  });

  app.get('/v1/admin/conversions', async (c) => {
    const site = c.get('site');
    return c.json(await listConversions(db, site.id, query(c, conversionListQuerySchema)));
  });

  app.get('/v1/admin/rewards', async (c) => {
    const site = c.get('site');
    const filters = query(c, rewardListQuerySchema);
    await sweep(site.id);
    return c.json(await listRewards(db, site, filters));
  });

  app.get('/v1/admin/advocates', async (c) => {
    const site = c.get('site');
    const filters = query(c, advocateListQuerySchema);
    await sweep(site.id);
    return c.json({ items: await topAdvocates(db, site.id, filters) });
  });

  const decide =
    (action: (trx: typeof db, row: RewardRow, at: string) => Promise<RewardRow>) =>
    async (c: Context<AppEnv>) => {
      const site = c.get('site');
      const { id } = param({ id: c.req.param('id') ?? '' }, rewardIdParamSchema);
      const at = new Date(now()).toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await lockReward(trx, site.id, id);
        if (!row) throw new ApiError(404, 'reward_not_found', `No reward has the id ${id}.`);
        await action(trx, row, at);
      });
      return c.json(await findRewardRecord(db, site, id));
    };
  app.post('/v1/admin/rewards/:id/approve', decide(approveReward));
  app.post('/v1/admin/rewards/:id/void', decide(voidReward));

  app.post('/v1/admin/orders/:orderId/refund', async (c) => {
    const site = c.get('site');
    const { orderId } = param({ orderId: c.req.param('orderId') }, orderIdParamSchema);
    const at = new Date(now()).toISOString();
    return c.json(await db.transaction().execute((trx) => refundOrder(trx, site.id, orderId, at)));
  });
}
