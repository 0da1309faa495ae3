import { describeReward } from '@vouch/core';
import type { Offer, RewardValue } from '@vouch/core/schemas';

/** A reward value with its plain words in `locale`. */
export function describeOffer(value: RewardValue, locale: string): Offer {
  return { value, description: describeReward(value, locale) };
}

/** The first word of a name, for a landing page: it tells a friend no more than that. */
export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
