import { describeReward } from '@vouch/core';
import {
  type CouponSource,
  couponSourceSchema,
  type RewardValue,
  type RewardView,
  rewardValueSchema,
} from '@vouch/core/schemas';
import type { Selectable } from 'kysely';
import type { RewardsTable } from '../db/schema.js';

export type RewardRow = Selectable<RewardsTable>;

/** The stored value of a reward. Written by this server, so a bad one is a bug: it throws. */
export function rewardValue(row: Pick<RewardRow, 'value'>): RewardValue {
  return rewardValueSchema.parse(JSON.parse(row.value));
}

/** Where a reward's coupon is issued from when approved, or null. */
export function rewardCouponSource(row: Pick<RewardRow, 'coupon_source'>): CouponSource | null {
  return row.coupon_source === null
    ? null
    : couponSourceSchema.parse(JSON.parse(row.coupon_source));
}

/**
 * A reward as its owner sees it. Its coupon only when `showCoupon` (the identity was
 * verified) and the reward is approved: a coupon is money, and an unverified caller
 * could be anyone who knows the customer id.
 */
export function toRewardView(row: RewardRow, locale: string, showCoupon: boolean): RewardView {
  const value = rewardValue(row);
  const view: RewardView = {
    id: row.id,
    offer: { value, description: describeReward(value, locale) },
    status: row.status as RewardView['status'],
    reason: row.reason as RewardView['reason'],
    createdAt: row.created_at,
  };
  if (showCoupon && row.status === 'approved' && row.coupon) view.coupon = row.coupon;
  if (row.status === 'pending' && row.approves_at) view.approvesAt = row.approves_at;
  return view;
}
