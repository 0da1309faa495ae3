import { describeReward } from '@vouch/core';
import type {
  Offer,
  PublicReferralProgram,
  ReferralProgram,
  RewardValue,
} from '@vouch/core/schemas';

/** A reward with its plain words in `locale` ("10% off", "€5.00 store credit"). */
export function toOffer(value: RewardValue, locale: string): Offer {
  return { value, description: describeReward(value, locale) };
}

/**
 * What shoppers may know of a program, with its rewards in plain words in the site's
 * locale; null when there is none or it is off. Never the fraud rules or coupon sources.
 */
export function publicReferralProgram(
  program: ReferralProgram | null,
  locale: string,
): PublicReferralProgram | null {
  if (!program?.enabled) return null;
  return {
    friendOffer: toOffer(program.friendOffer.value, locale),
    referrerReward: toOffer(program.referrerReward.value, locale),
    minOrderAmount: program.minOrderAmount,
    currency: program.currency,
    holdDays: program.holdDays,
  };
}
