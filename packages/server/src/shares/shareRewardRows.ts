import { describeReward } from '@vouch/core';
import type { RewardView } from '@vouch/core/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { ShareRewardsTable, VouchTables } from '../db/schema.js';
import { rewardValue } from '../referrals/rewardRows.js';

export type ShareRewardRow = Selectable<ShareRewardsTable>;

/**
 * A share reward as its owner sees it, beside the referral rewards (reason `share`). Its
 * coupon only when `showCoupon` (the identity was verified) and it is approved.
 */
export function toShareRewardView(
  row: ShareRewardRow,
  locale: string,
  showCoupon: boolean,
): RewardView {
  const value = rewardValue(row);
  const view: RewardView = {
    id: row.id,
    offer: { value, description: describeReward(value, locale) },
    status: row.status === 'approved' ? 'approved' : 'pending',
    reason: 'share',
    createdAt: row.created_at,
  };
  if (showCoupon && row.status === 'approved' && row.coupon) view.coupon = row.coupon;
  return view;
}

/** The customer's share rewards, newest first, at most `limit`. */
export function listShareRewards(
  db: Kysely<VouchTables>,
  siteId: string,
  customerId: string,
  limit: number,
): Promise<ShareRewardRow[]> {
  return db
    .selectFrom('share_rewards')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
