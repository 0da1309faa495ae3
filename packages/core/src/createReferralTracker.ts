import { clipUrl } from './clipUrl.js';
import type { ConsentStorage } from './createConsentStorage.js';
import { type Check, num, object, recordOf, text } from './guards/check.js';
import { referralCodeCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';
import { readReferral } from './readReferral.js';

/** A referral landing kept for attribution. */
export interface KeptReferral {
  code: string;
  /** When the landing happened, epoch ms. */
  at: number;
  /** The page the shopper landed on. */
  url: string;
}

const epochMs = num(0, Number.MAX_SAFE_INTEGER, false, 'must be a time in ms');
const referralCheck: Check<KeptReferral> = object<KeptReferral>(
  { code: referralCodeCheck, at: epochMs, url: text(0, 2048, 'must be a URL') },
  true,
);
const landingsCheck = recordOf(epochMs, referralCodeCheck);

/** Options of {@link createReferralTracker}. */
export interface ReferralTrackerOptions {
  /** Days a landing is kept. @default 30 */
  attributionDays?: number;
  /** Whether a later code replaces the kept one (`last`) or not (`first`). @default 'last' */
  attribution?: 'first' | 'last';
}

/** What {@link ReferralTracker.capture} found. */
export interface CapturedReferral {
  code: string;
  /** False when this code already landed inside the window (a reload, a second tab). */
  isNewLanding: boolean;
}

export interface ReferralTracker {
  /** Reads `?ref=` from `url` and records the landing. */
  capture(url: string): CapturedReferral | null;
  /** The attributed landing still inside its window, or null. */
  current(): KeptReferral | null;
  /** When the current attribution runs out (epoch ms), or null. */
  expiresAt(): number | null;
}

/** Remembers referral landings for the attribution window, first- or last-touch. */
export function createReferralTracker(
  storage: ConsentStorage,
  platform: Platform,
  options: ReferralTrackerOptions = {},
): ReferralTracker {
  const windowMs = (options.attributionDays ?? 30) * 86_400_000;
  const lastTouch = (options.attribution ?? 'last') === 'last';
  const live = (at: number) => platform.now() - at < windowMs;

  const current = () => {
    const referral = storage.get('referral', referralCheck);
    if (referral && live(referral.at)) return referral;
    if (referral) storage.remove('referral');
    return null;
  };

  return {
    capture(url) {
      const code = readReferral(url);
      if (!code) return null;
      const now = platform.now();
      // Codes seen inside the window: a landing is reported once per code, not per reload.
      const landings: Record<string, number> = {};
      for (const [seen, at] of Object.entries(storage.get('landings', landingsCheck) ?? {})) {
        if (live(at)) landings[seen] = at;
      }
      const isNewLanding = landings[code] === undefined;
      if (isNewLanding) landings[code] = now;
      storage.set('landings', landings);
      const kept = current();
      if (!kept || (lastTouch && kept.code !== code)) {
        storage.set('referral', { code, at: now, url: clipUrl(url) });
      }
      return { code, isNewLanding };
    },
    current,
    expiresAt() {
      const referral = current();
      return referral ? referral.at + windowMs : null;
    },
  };
}
