import { clipUrl } from './clipUrl.js';
import type { ConsentStorage } from './createConsentStorage.js';
import {
  createKeptReferral,
  epochMs,
  KEPT_REFERRAL_KEY,
  type KeptReferralReader,
} from './createKeptReferral.js';
import { recordOf } from './guards/check.js';
import { referralCodeCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';
import { readReferral } from './readReferral.js';

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

export interface ReferralTracker extends Omit<KeptReferralReader, 'live'> {
  /** Reads `?ref=` from `url` and records the landing, with the host of `referrer`. */
  capture(url: string, referrer?: string): CapturedReferral | null;
}

/** Remembers referral landings for the attribution window, first- or last-touch. */
export function createReferralTracker(
  storage: ConsentStorage,
  platform: Platform,
  options: ReferralTrackerOptions = {},
): ReferralTracker {
  const { current, expiresAt, live } = createKeptReferral(
    storage,
    platform,
    options.attributionDays,
  );
  const lastTouch = (options.attribution ?? 'last') === 'last';

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
        storage.set(KEPT_REFERRAL_KEY, {
          code,
          at: now,
          url: clipUrl(url),
          ...(domain && { domain }),
        });
      }
      return { code, isNewLanding };
    },
    current,
    expiresAt,
  };
}
