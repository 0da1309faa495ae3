import type { CouponSource, RewardRule } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import { issueCoupon } from '../coupons/issueCoupon.js';
import type { VouchTables } from '../db/schema.js';
import { rewardCouponSource } from '../referrals/rewardRows.js';
import { randomBase62 } from '../sites/randomBase62.js';
import type { ShareRewardRow } from './shareRewardRows.js';

/** What earned a share reward, and what it is. */
export interface ShareRewardGrant {
  siteId: string;
  customerId: string;
  campaign: string;
  trigger: 'visit' | 'share';
  channel: string;
  rule: RewardRule;
  /** ISO time. */
  at: string;
}

/**
 * Gives the customer the campaign's share reward, inside the caller's transaction, unless
 * they have it already: the database holds one per site, customer and campaign, so two
 * friends' visits at once (on two servers too) grant one. Answers the new reward, or
 * undefined when they had it.
 *
 * The reward is granted `pending`, without a coupon: its coupon is issued when its owner
 * next reads their rewards with a verified identity ({@link settleShareRewards}). A visit
 * is reported by a browser, whose visitor id anyone can make up, and customer ids are
 * unverified on many sites; so rewards that nobody verified never take codes from the
 * pool. Once issued, a share reward is approved at once: the referral program's hold
 * exists so that a refunded order can void its reward, and a visit or a share has no
 * order to return. The exposure is bounded by "once per customer and campaign", by not
 * counting the sharer's own browsers, and by the merchant's choice of a small reward.
 */
export async function grantShareReward(
  trx: Kysely<VouchTables>,
  grant: ShareRewardGrant,
): Promise<ShareRewardRow | undefined> {
  const source = grant.rule.coupon ?? null;
  const created = await trx
    .insertInto('share_rewards')
    .values({
      id: `rwd_${randomBase62(20)}`,
      site_id: grant.siteId,
      customer_id: grant.customerId,
      campaign: grant.campaign,
      trigger: grant.trigger,
      channel: grant.channel,
      value: JSON.stringify(grant.rule.value),
      coupon_source: source && JSON.stringify(source),
      coupon: null,
      status: 'pending',
      decided_at: null,
      created_at: grant.at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'customer_id', 'campaign']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return created;
}

/**
 * Approves a pending share reward with its coupon (holder `reward:<id>`, as referral
 * rewards), in the caller's transaction; undefined when its pool has no free code.
 */
export async function approveShareReward(
  trx: Kysely<VouchTables>,
  row: ShareRewardRow,
  source: CouponSource | null,
  at: string,
): Promise<ShareRewardRow | undefined> {
  const coupon = source ? await issueCoupon(trx, row.site_id, source, `reward:${row.id}`) : null;
  if (source && coupon === null) return undefined;
  return trx
    .updateTable('share_rewards')
    .set({ status: 'approved', coupon, decided_at: at })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Gives the customer's share rewards that waited for an empty pool their coupon now, each
 * in its own transaction; the ones whose pool is still empty keep waiting.
 */
export async function settleShareRewards(
  db: Kysely<VouchTables>,
  siteId: string,
  customerId: string,
  at: string,
): Promise<void> {
  const waiting = await db
    .selectFrom('share_rewards')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .execute();
  for (const row of waiting) {
    await db
      .transaction()
      .execute((trx) => approveShareReward(trx, row, rewardCouponSource(row), at));
  }
}
