import type { ReferralLanding, VouchClient } from '@vouch/core';

/** What the banner shows for a valid code. */
export interface ReferralBannerData {
  landing: ReferralLanding;
  /** The friend's coupon: the landing's fixed code, or the one claimed for this visitor. */
  coupon: string | null;
  /** Whether claiming a pool coupon failed (the banner then offers to try again). */
  claimFailed: boolean;
}

/** The client methods the banner needs (a `VouchClient` has them). */
export type ReferralBannerClient = Pick<VouchClient, 'referralLanding' | 'claimCoupon'>;

/**
 * Reads what a landing on `code` may show and, when the friend's coupon comes from a
 * pool, claims this visitor's coupon (the same one on every visit). Resolves to null for
 * an unknown or expired code.
 */
export async function loadReferralBanner(
  client: ReferralBannerClient,
  code: string,
): Promise<ReferralBannerData | null> {
  const landing = await client.referralLanding(code);
  if (!landing) return null;
  let { coupon } = landing;
  let claimFailed = false;
  if (!coupon && landing.claimable) {
    try {
      coupon = await client.claimCoupon(code);
    } catch {
      claimFailed = true;
    }
  }
  return { landing, coupon, claimFailed };
}
