// What a promoter's thanks adds to the prompt, loaded only once a promoter has answered
// (this module is a chunk of its own): the prompt paints without it.
import { loadReferralCard, type ReferralCardClient } from '../referral/loadReferralCard.js';
import { type ReferralMessages, referralMessages } from '../referral/referralMessages.js';
import type { NpsReferral } from './npsThanks.js';

export { DEFAULT_CHANNELS } from '../referral/shareChannels.js';
export { shareRow } from '../referral/shareRow.js';
export { copyField } from '../shared/copyField.js';

/**
 * The promoter's referral link, when the site runs a referral program and the shopper is
 * identified (the link is theirs); otherwise null, and the thanks shows no link.
 */
export async function loadNpsReferral(client: ReferralCardClient): Promise<NpsReferral | null> {
  const data = await loadReferralCard(client);
  if (data.kind !== 'ready') return null;
  const { link, code, friendOffer } = data.referral;
  return { link, code, friendOffer: friendOffer.description };
}

/** The `referral` widget's words for the link and share buttons, with `replaced` over them. */
export const referralWords = (replaced: Partial<ReferralMessages>): ReferralMessages => ({
  ...referralMessages,
  ...replaced,
});
