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
 * Reads the site's settings first (in the script tag they are already there), then the
 * customer's referral only when the site runs a program: a site without one shows
 * nothing and is not asked for a referral it would refuse. A shopper who is not
 * identified gets the offer from the settings. If the settings cannot be read, the
 * referral is still tried. Rejects with the error that left nothing to show.
 */
export async function loadReferralCard(client: ReferralCardClient): Promise<ReferralCardData> {
  let settings: SiteConfig | null = null;
  let configError: unknown;
  try {
    settings = await client.siteConfig();
  } catch (error) {
    configError = error;
  }
  if (settings && !settings.referral) return { kind: 'off' };
  try {
    return { kind: 'ready', referral: await client.myReferral(), config: settings };
  } catch (error) {
    if (!notIdentified(error)) throw error;
    if (!settings?.referral) throw configError;
    return { kind: 'anonymous', program: settings.referral, config: settings };
  }
}
