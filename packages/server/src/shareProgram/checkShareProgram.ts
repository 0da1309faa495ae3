import type { ErrorIssue, ReferralProgram, ShareProgram } from '@vouch/core/schemas';
import { checkRewardRule, type RuleFindings } from '../referralProgram/checkRewardRule.js';
import type { CouponPoolSummary } from '../schemas/couponSchemas.js';

/**
 * The warning a program that rewards the act of sharing carries. Facebook's platform
 * policy allows no coupon, discount or other reward in exchange for posting to Facebook,
 * and X's developer policy bars apps that reward people for posting; a reward for what a
 * friend does after opening the link (a visit, an order) is the referral reward both allow.
 */
export const SHARE_REWARD_WARNING =
  "rewards the act of sharing, which some networks forbid (Facebook's and X's rules, for instance, allow no reward in exchange for a post): reward a friend's visit or purchase instead";

/**
 * The rules of a share program that its schema cannot say, each naming its field.
 * Errors: `visit` and `share` need a `reward`, while `purchase` (paid by the referral
 * program) and no trigger take none; the reward's own rules (a discount needs a coupon,
 * store credit none, amounts in their currency's decimals). Warnings: rewarding the share
 * itself; a reward trigger while the referral program is off (shared links carry the
 * sharer's referral code, handed out only while it is on); a pool with no free codes.
 */
export function checkShareProgram(
  program: ShareProgram,
  context: { pools: readonly CouponPoolSummary[]; referral: ReferralProgram | null },
): RuleFindings {
  const errors: ErrorIssue[] = [];
  const warnings: ErrorIssue[] = [];
  const { rewardOn, reward } = program;
  if ((rewardOn === 'visit' || rewardOn === 'share') && !reward) {
    errors.push({ path: 'reward', message: `is required when rewardOn is "${rewardOn}"` });
  }
  if ((rewardOn === 'purchase' || rewardOn === null) && reward) {
    errors.push({
      path: 'reward',
      message:
        rewardOn === 'purchase'
          ? 'must be left out when rewardOn is "purchase": the referral program\'s referrerReward pays for a friend\'s order'
          : 'must be left out when rewardOn is null (no reward)',
    });
  }
  if (reward && rewardOn !== 'purchase' && rewardOn !== null) {
    checkRewardRule('reward', reward, context.pools, undefined, { errors, warnings });
  }
  if (rewardOn === 'share') warnings.push({ path: 'rewardOn', message: SHARE_REWARD_WARNING });
  if (rewardOn !== null && !context.referral?.enabled) {
    warnings.push({
      path: 'rewardOn',
      message:
        "needs the referral program on: shared links carry the sharer's referral code, which is handed out only while it is on",
    });
  }
  return { errors, warnings };
}
