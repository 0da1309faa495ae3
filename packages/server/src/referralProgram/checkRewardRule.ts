import { type ErrorIssue, moneyIssue, type RewardRule } from '@vouch/core/schemas';
import type { CouponPoolSummary } from '../schemas/couponSchemas.js';

/** Where {@link checkRewardRule} puts what it finds: errors refuse, warnings do not. */
export interface RuleFindings {
  errors: ErrorIssue[];
  warnings: ErrorIssue[];
}

/**
 * The rules of one reward that its schema cannot say, named from `path`: a discount
 * needs a coupon and store credit has none (it is booked by hand); an amount has no more
 * decimals than its currency; a reward in another currency than `currency` (when given)
 * and a pool with no free codes are warnings.
 */
export function checkRewardRule(
  path: string,
  rule: RewardRule,
  pools: readonly CouponPoolSummary[],
  currency: string | undefined,
  found: RuleFindings,
): void {
  const { errors, warnings } = found;
  const { value, coupon } = rule;
  if (value.kind === 'credit' && coupon) {
    errors.push({
      path: `${path}.coupon`,
      message: 'must be left out for store credit, which the merchant books by hand',
    });
  }
  if (value.kind !== 'credit' && !coupon) {
    errors.push({
      path: `${path}.coupon`,
      message: 'is required for a discount: { "pool": NAME } or { "code": CODE }',
    });
  }
  if (value.kind !== 'percent') {
    const issue = moneyIssue(value.amount, value.currency);
    if (issue) errors.push({ path: `${path}.value.amount`, message: issue });
    if (currency !== undefined && value.currency !== currency) {
      warnings.push({
        path: `${path}.value.currency`,
        message: `is ${value.currency} while the program counts in ${currency}`,
      });
    }
  }
  if (coupon && 'pool' in coupon) {
    const pool = pools.find((p) => p.pool === coupon.pool);
    if (!pool?.left) {
      warnings.push({
        path: `${path}.coupon.pool`,
        message: pool
          ? `pool "${coupon.pool}" has no free coupons left (${pool.issued} issued); upload more`
          : `pool "${coupon.pool}" has no coupons yet; upload them before the program goes live`,
      });
    }
  }
}
