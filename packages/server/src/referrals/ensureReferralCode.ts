import { createReferralCode } from '@vouch/core';
import type { Kysely, Selectable } from 'kysely';
import type { ReferralCodesTable, VouchTables } from '../db/schema.js';

export type ReferralCodeRow = Selectable<ReferralCodesTable>;

/** Fresh codes tried before giving up: a clash among 56⁸ codes is already rare. */
const ATTEMPTS = 8;

/**
 * The customer's referral code, created on first request and never changed. Two
 * requests at once (two tabs, two servers) get the same code: the database allows one
 * code per customer, and the one that loses the race reads the winner's. A new code that
 * clashes with another customer's is drawn again.
 */
export async function ensureReferralCode(
  db: Kysely<VouchTables>,
  siteId: string,
  customerId: string,
  at: string,
): Promise<ReferralCodeRow> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await db
      .selectFrom('referral_codes')
      .selectAll()
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (existing) return existing;
    const created = await db
      .insertInto('referral_codes')
      .values({
        site_id: siteId,
        code: createReferralCode(),
        customer_id: customerId,
        created_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) return created;
  }
  throw new Error(`no free referral code after ${ATTEMPTS} attempts`);
}
