import { type Theme, themeSchema } from '@vouch/core/schemas';
import type { Selectable } from 'kysely';
import type { SitesTable } from '../db/schema.js';

/** A site as the server knows it. Never carries the secret key or its hash. */
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
}

/** The columns that make a {@link Site}, without the secret hash. */
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
] as const;

export type SiteRow = Pick<Selectable<SitesTable>, (typeof siteColumns)[number]>;

/** Maps a row to a {@link Site}; a stored theme that no longer validates is dropped. */
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
  };
}

function parseTheme(text: string): Theme {
  try {
    const parsed = themeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
