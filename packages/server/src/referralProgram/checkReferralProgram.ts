import {
  type ErrorIssue,
  moneyIssue,
  type ReferralProgram,
  type RewardRule,
} from '@vouch/core/schemas';
import type { CouponPoolSummary } from '../schemas/couponSchemas.js';
import { checkRewardRule } from './checkRewardRule.js';

/** What {@link checkReferralProgram} found: errors refuse the program, warnings do not. */
export interface ProgramCheck {
  errors: ErrorIssue[];
  warnings: ErrorIssue[];
}

/**
 * The rules of a program that its schema cannot say, each naming its field. Errors: a
 * discount (`percent`, `amount`) without a coupon to give it by, store credit with one
 * (credit is booked by hand, never a coupon), an amount with more decimals than its
 * currency has, two milestones for the same count. Warnings: a coupon pool with no free
 * codes (upload them before friends arrive), a reward in another currency than the
 * program's, a landing page on none of the site's origins.
 */
export function checkReferralProgram(
  program: ReferralProgram,
  context: { pools: readonly CouponPoolSummary[]; origins: readonly string[] },
): ProgramCheck {
  const errors: ErrorIssue[] = [];
  const warnings: ErrorIssue[] = [];
  const rules: Array<[string, RewardRule]> = [
    ['friendOffer', program.friendOffer],
    ['referrerReward', program.referrerReward],
    ...program.milestones.map((m, i): [string, RewardRule] => [`milestones.${i}.reward`, m.reward]),
  ];

  for (const [path, rule] of rules) {
    checkRewardRule(path, rule, context.pools, program.currency, { errors, warnings });
  }
  const minimum = moneyIssue(program.minOrderAmount, program.currency);
  if (minimum) errors.push({ path: 'minOrderAmount', message: minimum });

  program.milestones.forEach((milestone, i) => {
    const first = program.milestones.findIndex((m) => m.every === milestone.every);
    if (first < i) {
      errors.push({
        path: `milestones.${i}.every`,
        message: `repeats milestones.${first}.every (${milestone.every})`,
      });
    }
  });

  if (program.landingUrl) {
    const origin = new URL(program.landingUrl).origin;
    if (!context.origins.includes(origin)) {
      warnings.push({
        path: 'landingUrl',
        message: `is on ${origin}, which is not one of the site's origins: the page cannot load the program there`,
      });
    }
  }
  return { errors, warnings };
}
