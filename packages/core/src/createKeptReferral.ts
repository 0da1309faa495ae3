import type { ConsentStorage } from './createConsentStorage.js';
import { type Check, num, object, optional, text } from './guards/check.js';
import { referralCodeCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';

/** A referral landing kept for attribution. */
export interface KeptReferral {
  code: string;
  /** When the landing happened, epoch ms. */
  at: number;
  /** The page the shopper landed on. */
  url: string;
  /** The host of the page that sent the shopper, when it was another site. */
  domain?: string;
}

/** Storage key of the kept landing. */
export const KEPT_REFERRAL_KEY = 'referral';

export const epochMs = num(0, Number.MAX_SAFE_INTEGER, false, 'must be a time in ms');
const keptReferralCheck: Check<KeptReferral> = object<KeptReferral>(
  {
    code: referralCodeCheck,
    at: epochMs,
    url: text(0, 2048, 'must be a URL'),
    domain: optional(text(1, 253, 'must be a host name')),
  },
  true,
);

/** The kept landing as a client reads it; see {@link createKeptReferral}. */
export interface KeptReferralReader {
  /** The attributed landing still inside its window, or null. */
  current(): KeptReferral | null;
  /** When the current attribution runs out (epoch ms), or null. */
  expiresAt(): number | null;
  /** Whether a landing at `at` (epoch ms) is still inside the attribution window. */
  live(at: number): boolean;
}

/**
 * Reads the referral landing kept for attribution (the part of the referral tracker a
 * page needs before a widget paints), forgetting it once its window has passed.
 * @param attributionDays days a landing is kept
 */
export function createKeptReferral(
  storage: ConsentStorage,
  platform: Pick<Platform, 'now'>,
  attributionDays = 30,
): KeptReferralReader {
  const windowMs = attributionDays * 86_400_000;
  const live = (at: number) => platform.now() - at < windowMs;
  const current = () => {
    const referral = storage.get(KEPT_REFERRAL_KEY, keptReferralCheck);
    if (referral && live(referral.at)) return referral;
    if (referral) storage.remove(KEPT_REFERRAL_KEY);
    return null;
  };
  return {
    current,
    expiresAt() {
      const referral = current();
      return referral ? referral.at + windowMs : null;
    },
    live,
  };
}
