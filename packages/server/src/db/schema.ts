import type { Generated } from 'kysely';

/**
 * Tables as stored. Portable types only, the same on SQLite and PostgreSQL: text,
 * integers, booleans as 0/1, JSON as text, timestamps as ISO 8601 UTC text (which sorts
 * like the time it names). `rate_limits.window_start` is epoch milliseconds because it is
 * window arithmetic, never shown.
 */
export interface VouchTables {
  sites: SitesTable;
  site_origins: SiteOriginsTable;
  events: EventsTable;
  rate_limits: RateLimitsTable;
  coupons: CouponsTable;
}

export interface SitesTable {
  id: string;
  name: string;
  public_key: string;
  /** SHA-256 of the secret key, hex. The key itself is never stored. */
  secret_hash: string;
  /** 0 or 1. */
  consent_required: Generated<number>;
  attribution_days: Generated<number>;
  attribution: Generated<string>;
  locale: Generated<string>;
  /** JSON object of theme tokens. */
  theme: Generated<string>;
  created_at: string;
  /** JSON of the site's `ReferralProgram`, null when it has none. */
  referral_program: string | null;
  /** 0 or 1: whether `identify` must carry the HMAC of the customer id. */
  identity_verification: Generated<number>;
}

export interface SiteOriginsTable {
  site_id: string;
  origin: string;
}

export interface EventsTable {
  site_id: string;
  /** The client's idempotency id, unique per site. */
  id: string;
  type: string;
  at: string;
  visitor: string | null;
  customer: string | null;
  /** JSON object of the fields particular to the event type. */
  data: string;
  received_at: string;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: number;
  count: number;
}

export interface CouponsTable {
  site_id: string;
  /** Unique per site, whichever pool it belongs to. */
  code: string;
  pool: string;
  /** When the upload that brought it began; with `line`, the order codes are issued in. */
  imported_at: string;
  /** Its line in that upload. */
  line: number;
  /** Who holds it, as the issuer named them; null while free. */
  issued_to: string | null;
  issued_at: string | null;
}
