import type { PublicShareProgram, ReferralProgram, ShareProgram } from '@vouch/core/schemas';
import { toOffer } from '../referralProgram/publicReferralProgram.js';

/**
 * What shoppers may know of a share program: its channels in order, its text, and what
 * the sharer earns in plain words in the site's locale (for `purchase`, the referral
 * program's reward for a friend's order, when that program is on). Null when there is
 * none or it is off. Never the coupon sources.
 */
export function publicShareProgram(
  program: ShareProgram | null,
  referral: ReferralProgram | null,
  locale: string,
): PublicShareProgram | null {
  if (!program?.enabled) return null;
  const value =
    program.rewardOn === 'purchase'
      ? referral?.enabled
        ? referral.referrerReward.value
        : undefined
      : program.rewardOn
        ? program.reward?.value
        : undefined;
  return {
    channels: program.channels,
    ...(program.text !== undefined && { text: program.text }),
    rewardOn: program.rewardOn,
    incentive: value ? toOffer(value, locale) : null,
    campaign: program.campaign,
  };
}
