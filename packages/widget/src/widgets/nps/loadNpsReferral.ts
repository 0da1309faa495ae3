import { loadReferralCard, type ReferralCardClient } from '../referral/loadReferralCard.js';
import type { NpsReferral } from './NpsThanks.js';

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
