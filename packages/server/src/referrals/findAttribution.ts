import type { Kysely, Selectable } from 'kysely';
import type { CustomersTable, ReferralClaimsTable, VouchTables } from '../db/schema.js';
import { isPostgres } from './isPostgres.js';

/** The referral code an order is credited to, with its owner. */
export interface Attribution {
  code: string;
  codeCreatedAt: string;
  referrer: Selectable<CustomersTable>;
  /** The pool coupon claim that named the code, when it came from the coupon used. */
  claim: Selectable<ReferralClaimsTable> | null;
}

/** What an order says about where it came from. */
export interface AttributionHints {
  ref: string | null;
  coupon: string | null;
}

/**
 * Which code an order credits: its `ref` when that is a code of the site, else the code
 * whose landing a pool coupon used at checkout was claimed on — the friend may have
 * claimed it on a phone and bought on a laptop. A fixed coupon code names nobody. When
 * one pool coupon was claimed through several codes (the same browser followed several
 * links), the site's attribution setting picks the first or the last. The code's row is
 * locked for the rest of the transaction on PostgreSQL, so that one code's orders are
 * counted (velocity, milestones) one after the other.
 */
export async function findAttribution(
  trx: Kysely<VouchTables>,
  siteId: string,
  hints: AttributionHints,
  attribution: 'first' | 'last',
): Promise<Attribution | null> {
  if (hints.ref) {
    const found = await referralCode(trx, siteId, hints.ref);
    if (found) return { ...found, claim: null };
  }
  if (!hints.coupon) return null;
  const claim = await trx
    .selectFrom('referral_claims')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('coupon', '=', hints.coupon)
    .where('pooled', '=', 1)
    .orderBy('created_at', attribution === 'first' ? 'asc' : 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!claim) return null;
  const found = await referralCode(trx, siteId, claim.code);
  return found ? { ...found, claim } : null;
}

async function referralCode(trx: Kysely<VouchTables>, siteId: string, code: string) {
  let lock = trx
    .selectFrom('referral_codes')
    .select(['code', 'customer_id', 'created_at'])
    .where('site_id', '=', siteId)
    .where('code', '=', code);
  if (isPostgres(trx)) lock = lock.forUpdate();
  const row = await lock.executeTakeFirst();
  if (!row) return null;
  const referrer = await trx
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', row.customer_id)
    .executeTakeFirstOrThrow();
  return { code: row.code, codeCreatedAt: row.created_at, referrer };
}
