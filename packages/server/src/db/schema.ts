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
  customers: CustomersTable;
  referral_codes: ReferralCodesTable;
  referral_visitors: ReferralVisitorsTable;
  referral_claims: ReferralClaimsTable;
  conversions: ConversionsTable;
  rewards: RewardsTable;
  nps_answers: NpsAnswersTable;
  testimonials: TestimonialsTable;
  shares: SharesTable;
  share_visits: ShareVisitsTable;
  share_rewards: ShareRewardsTable;
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
  /** JSON of the site's NPS rules, null when the prompt does not show by itself. */
  nps_rules: string | null;
  /** JSON of the site's `ShareProgram`, null when it has none. */
  share_program: string | null;
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

/** A shopper the merchant identified (`identify`), per site. */
export interface CustomersTable {
  /** Internal id (`cus_…`). */
  id: string;
  site_id: string;
  /** The merchant's own id for the customer, unique per site. */
  merchant_id: string;
  email: string | null;
  /** `normalizeEmail(email)`, for the self-referral rule. */
  email_normalized: string | null;
  name: string | null;
  /** The first browser (visitor id) the customer was seen on. */
  first_visitor: string | null;
  created_at: string;
}

/** A customer's referral code: one per customer, never changed. */
export interface ReferralCodesTable {
  site_id: string;
  code: string;
  customer_id: string;
  created_at: string;
}

/** A browser (visitor id) a customer was seen on. */
export interface ReferralVisitorsTable {
  site_id: string;
  customer_id: string;
  visitor: string;
  first_seen_at: string;
}

/** A friend's coupon, claimed on a landing through `code`. */
export interface ReferralClaimsTable {
  site_id: string;
  code: string;
  visitor: string;
  coupon: string;
  /** 1 for a pool coupon (it names its referrer), 0 for a fixed code. */
  pooled: number;
  created_at: string;
}

/** An order, recorded once per site and order id. */
export interface ConversionsTable {
  site_id: string;
  order_id: string;
  /** Minor units of `currency`; PostgreSQL returns bigint as a string. */
  amount_minor: number | string;
  currency: string;
  customer_id: string | null;
  email: string | null;
  email_normalized: string | null;
  visitor: string | null;
  /** The referral code credited or flagged; null when not referred. */
  code: string | null;
  coupon: string | null;
  referrer_domain: string | null;
  /** 1 when recorded (or confirmed) with the secret key. */
  verified: number;
  /** `none`, `attributed`, `review` or `refunded`. */
  status: string;
  /** JSON array of `FraudReason`. */
  reasons: Generated<string>;
  created_at: string;
  refunded_at: string | null;
}

/** A reward: a referrer's for a friend or a milestone, or a friend's own offer. */
export interface RewardsTable {
  /** `rwd_…`. */
  id: string;
  site_id: string;
  order_id: string;
  code: string;
  /** Unique per order: `offer`, `friend`, `milestone:N`. */
  kind: string;
  /** `offer`, `friend` or `milestone`. */
  reason: string;
  customer_id: string | null;
  /** The friend's browser, when the friend was not identified. */
  visitor: string | null;
  /** JSON `RewardValue`. */
  value: string;
  /** JSON `CouponSource` to issue from on approval; null for none. */
  coupon_source: string | null;
  coupon: string | null;
  /** `pending`, `review`, `approved` or `voided`. */
  status: string;
  approves_at: string | null;
  decided_at: string | null;
  created_at: string;
}

/** An answer to the NPS prompt, one per site and prompt id. */
export interface NpsAnswersTable {
  site_id: string;
  /** The prompt's id: the answer's idempotency id. */
  id: string;
  /** 0–10. */
  score: number;
  /** `detractor`, `passive` or `promoter`, from the score. */
  category: string;
  /** Trimmed; null when none was given. */
  comment: string | null;
  /** 0 or 1: the respondent agreed to be contacted. */
  contact: Generated<number>;
  email: string | null;
  /** The merchant's id for the customer, when identified. */
  customer: string | null;
  visitor: string | null;
  url: string | null;
  /** When it was answered, as the client said (ISO UTC). */
  at: string;
  created_at: string;
}

/** A testimonial (review), one per site and submission id. */
export interface TestimonialsTable {
  site_id: string;
  /** The submission's idempotency id. */
  id: string;
  /** `pending`, `approved`, `rejected` or `hidden`. */
  status: string;
  /** 1–5. */
  rating: number;
  title: string | null;
  body: string;
  /** SHA-256 of the body lowercased with white space collapsed, for duplicate text. */
  body_hash: string;
  author_name: string;
  /** Private: never in a public read. */
  email: string | null;
  product: string | null;
  order_id: string | null;
  photo_url: string | null;
  /** The version of the consent text the author agreed to, when the page gave one. */
  consent_version: string | null;
  consented_at: string;
  /** The merchant's id for the customer, when identified. */
  customer: string | null;
  visitor: string | null;
  url: string | null;
  /** 0 or 1: the order id matches a conversion of the same customer. */
  verified_buyer: Generated<number>;
  /** 0 or 1: the author received a reward from the merchant (see the README). */
  incentivized: Generated<number>;
  /** JSON array of spam reasons. */
  spam_reasons: Generated<string>;
  reject_reason: string | null;
  reply_body: string | null;
  replied_at: string | null;
  /** SHA-256 (hex) of the author's withdrawal token. */
  withdraw_hash: string;
  created_at: string;
  updated_at: string;
}

/** A share a shopper made, one per site and share id. */
export interface SharesTable {
  site_id: string;
  /** The client's idempotency id. */
  id: string;
  channel: string;
  visitor: string;
  /** The sharer, when identified. */
  customer_id: string | null;
  /** The sharer's referral code, when they had one. */
  code: string | null;
  url: string | null;
  /** The share program's campaign when the share was made. */
  campaign: string;
  created_at: string;
}

/** A friend's first visit through a shared link, one per site, code and browser. */
export interface ShareVisitsTable {
  site_id: string;
  code: string;
  visitor: string;
  channel: string;
  created_at: string;
}

/** A reward the share program gave, one per site, customer and campaign. */
export interface ShareRewardsTable {
  /** `rwd_…`. */
  id: string;
  site_id: string;
  customer_id: string;
  campaign: string;
  /** `visit` or `share`: what earned it. */
  trigger: string;
  /** The channel of the share or visit that earned it. */
  channel: string;
  /** JSON `RewardValue`. */
  value: string;
  /** JSON `CouponSource`; null for store credit. */
  coupon_source: string | null;
  coupon: string | null;
  /** `approved`, or `pending` while its coupon pool has no free code. */
  status: string;
  decided_at: string | null;
  created_at: string;
}
