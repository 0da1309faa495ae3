import type { PublicReferralProgram, Referral, SiteConfig, VouchClient } from '@vouch/core';

/** What the `referral` widget shows, once loaded. */
export type ReferralCardData =
  /** The site has no referral program (or it is off): nothing is shown. */
  | { kind: 'off' }
  /** Nobody is identified yet: the offer, and what to do to get a link. */
  | { kind: 'anonymous'; program: PublicReferralProgram; config: SiteConfig }
  /** The identified customer's link and progress. */
  | { kind: 'ready'; referral: Referral; config: SiteConfig | null };

/** The client methods the card needs (a `VouchClient` has them). */
export type ReferralCardClient = Pick<VouchClient, 'siteConfig' | 'myReferral'>;

const notIdentified = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'not_identified';

/**
 * Reads the site's settings and the customer's referral side by side (the settings are
 * usually cached already). A site without a program shows nothing even when the customer
 * is known; a shopper who is not identified gets the offer from the settings. Rejects
 * with the error that left nothing to show.
 */
export async function loadReferralCard(client: ReferralCardClient): Promise<ReferralCardData> {
  const [config, referral] = await Promise.allSettled([client.siteConfig(), client.myReferral()]);
  const settings = config.status === 'fulfilled' ? config.value : null;
  if (settings && !settings.referral) return { kind: 'off' };
  if (referral.status === 'fulfilled') {
    return { kind: 'ready', referral: referral.value, config: settings };
  }
  if (settings?.referral && notIdentified(referral.reason)) {
    return { kind: 'anonymous', program: settings.referral, config: settings };
  }
  throw config.status === 'rejected' && notIdentified(referral.reason)
    ? config.reason
    : referral.reason;
}
