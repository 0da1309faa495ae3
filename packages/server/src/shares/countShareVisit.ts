import type { ShareVisitRequest } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { loadShareProgram } from '../shareProgram/loadShareProgram.js';
import { grantShareReward } from './grantShareReward.js';

/**
 * Counts a friend's visit through a shared link, once per code and browser, while the
 * share program is on. A browser of the code's owner — one they were identified on, or
 * shared from — is not a friend, so it is not counted: opening your own link unlocks
 * nothing. With `rewardOn: 'visit'`, the first counted friend grants the owner the
 * campaign's reward (once per customer and campaign, also under concurrent visits).
 * Answers whether the visit is counted (a repeat of a counted visit is, once).
 */
export async function countShareVisit(
  db: Kysely<VouchTables>,
  siteId: string,
  visit: ShareVisitRequest,
  at: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const program = await loadShareProgram(trx, siteId);
    if (!program) return false;
    const owner = await trx
      .selectFrom('referral_codes')
      .select('customer_id')
      .where('site_id', '=', siteId)
      .where('code', '=', visit.code)
      .executeTakeFirst();
    if (!owner) return false;
    const own = await trx
      .selectFrom('referral_visitors')
      .select('visitor')
      .where('customer_id', '=', owner.customer_id)
      .where('visitor', '=', visit.visitor)
      .unionAll(
        trx
          .selectFrom('shares')
          .select('visitor')
          .where('site_id', '=', siteId)
          .where('visitor', '=', visit.visitor)
          .where('customer_id', '=', owner.customer_id),
      )
      .executeTakeFirst();
    if (own) return false;
    const inserted = await trx
      .insertInto('share_visits')
      .values({
        site_id: siteId,
        code: visit.code,
        visitor: visit.visitor,
        channel: visit.channel,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['site_id', 'code', 'visitor']).doNothing())
      .returning('visitor')
      .executeTakeFirst();
    if (inserted && program.rewardOn === 'visit' && program.reward) {
      await grantShareReward(trx, {
        siteId,
        customerId: owner.customer_id,
        campaign: program.campaign,
        trigger: 'visit',
        channel: visit.channel,
        rule: program.reward,
        at,
      });
    }
    return true;
  });
}
