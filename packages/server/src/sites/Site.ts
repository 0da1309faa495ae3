import {
  npsRulesSchema,
  type ReferralProgram,
  type ShareProgram,
  type SiteConfig,
  type Theme,
  themeSchema,
} from '@vouch/core/schemas';
import type { Selectable } from 'kysely';
import type { SitesTable } from '../db/schema.js';
import { IdentityKey } from '../identity/IdentityKey.js';
import { parseReferralProgram } from '../referralProgram/parseReferralProgram.js';
import { parseShareProgram } from '../shareProgram/parseShareProgram.js';

/**
 * A site as the server knows it. Never carries the secret key; the key its identity
 * hashes are checked with is held out of sight (not in JSON, not in logs).
 */
export interface Site {
  /** Internal id (`site_…`), used in foreign keys; never needed by a browser. */
  id: string;
  name: string;
  /** The key pages carry (`pk_…`). */
  publicKey: string;
  /** Origins (`https://shop.example`) whose pages may call the browser API. */
  origins: string[];
  /** Whether the client stores nothing before `consent(true)`. */
  consentRequired: boolean;
  /** Days a referral landing is kept for attribution. */
  attributionDays: number;
  /** Which landing a conversion credits when several codes were seen. */
  attribution: 'first' | 'last';
  locale: string;
  theme: Theme;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Whether `identify` must carry the HMAC `hash` of the customer id. */
  identityVerification: boolean;
  /** What `verifyIdentity` checks a customer's `hash` with. Never serialized. */
  identityKey: IdentityKey;
  /**
   * The referral program as the merchant set it, also when `enabled` is false; null when
   * none is set (or the stored one no longer validates).
   */
  referralProgram: ReferralProgram | null;
  /**
   * The rules of the NPS prompt the page shows by itself (`{}`: the defaults); null when
   * it shows none unless the page asks (or the stored rules no longer validate).
   */
  npsRules: SiteConfig['nps'];
  /**
   * The share program as the merchant set it, also when `enabled` is false; null when
   * none is set (or the stored one no longer validates).
   */
  shareProgram: ShareProgram | null;
}

/**
 * The columns that make a {@link Site}. `secret_hash` becomes its {@link IdentityKey}
 * and is never handed out as it is.
 */
export const siteColumns = [
  'id',
  'name',
  'public_key',
  'consent_required',
  'attribution_days',
  'attribution',
  'locale',
  'theme',
  'created_at',
  'secret_hash',
  'identity_verification',
  'referral_program',
  'nps_rules',
  'share_program',
] as const;

export type SiteRow = Pick<Selectable<SitesTable>, (typeof siteColumns)[number]>;

/**
 * Maps a row to a {@link Site}; a stored theme, program, NPS rules or share program that no longer
 * validate are dropped.
 */
export function toSite(row: SiteRow, origins: string[]): Site {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    origins,
    consentRequired: Boolean(row.consent_required),
    attributionDays: Number(row.attribution_days),
    attribution: row.attribution === 'first' ? 'first' : 'last',
    locale: row.locale,
    theme: parseTheme(row.theme),
    createdAt: row.created_at,
    identityVerification: Boolean(row.identity_verification),
    identityKey: new IdentityKey(row.secret_hash),
    referralProgram: row.referral_program ? parseReferralProgram(row.referral_program) : null,
    npsRules: row.nps_rules ? parseNpsRules(row.nps_rules) : null,
    shareProgram: row.share_program ? parseShareProgram(row.share_program) : null,
  };
}

// Rules that no longer validate are treated as none: the prompt stays off rather than
// showing by rules nobody set.
function parseNpsRules(text: string): Site['npsRules'] {
  try {
    const parsed = npsRulesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseTheme(text: string): Theme {
  try {
    const parsed = themeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
