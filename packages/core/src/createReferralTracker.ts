import { clipUrl } from './clipUrl.js';
import type { ConsentStorage } from './createConsentStorage.js';
import { type Check, num, object, optional, recordOf, text } from './guards/check.js';
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
  /** The host of the page that sent the shopper, when it was another site. */
  domain?: string;
}

const epochMs = num(0, Number.MAX_SAFE_INTEGER, false, 'must be a time in ms');
const referralCheck: Check<KeptReferral> = object<KeptReferral>(
  {
    code: referralCodeCheck,
    at: epochMs,
    url: text(0, 2048, 'must be a URL'),
    domain: optional(text(1, 253, 'must be a host name')),
  },
  true,
);
const landingsCheck = recordOf(epochMs, referralCodeCheck);

/** The host of `referrer` when it is an http(s) page of another site than `url`, else null. */
function referringDomain(url: string, referrer: string): string | null {
  try {
    const from = new URL(referrer);
    const host = from.hostname.toLowerCase();
    const own = new URL(url).hostname.toLowerCase();
    return /^https?:$/.test(from.protocol) && host !== own && host.length <= 253 ? host : null;
  } catch {
    return null;
  }
}

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
  /** Reads `?ref=` from `url` and records the landing, with the host of `referrer`. */
  capture(url: string, referrer?: string): CapturedReferral | null;
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
    capture(url, referrer = '') {
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
        const domain = referringDomain(url, referrer);
        storage.set('referral', { code, at: now, url: clipUrl(url), ...(domain && { domain }) });
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
