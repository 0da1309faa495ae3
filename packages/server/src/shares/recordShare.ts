import type { ShareRequest, ShareResult } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { upsertCustomer } from '../referrals/upsertCustomer.js';
import { loadShareProgram } from '../shareProgram/loadShareProgram.js';
import { approveShareReward, grantShareReward } from './grantShareReward.js';
import { toShareRewardView } from './shareRewardRows.js';

/** Whom a share is recorded for. */
export interface ShareContext {
  siteId: string;
  locale: string;
  /** Whether the sharer's identity was verified by its hash (coupons are shown only then). */
  verified: boolean;
  /** ISO time. */
  at: string;
}

/**
 * Records a share once per id (a repeat changes nothing and gets the same answer). An
 * identified sharer is remembered on the browser they shared from, so a visit from it
 * is never counted as a friend's. With `rewardOn: 'share'`, a new share of an identified
 * customer grants the campaign's reward, once per customer and campaign. The answer
 * carries the sharer's reward of the current campaign, whatever earned it.
 */
export async function recordShare(
  db: Kysely<VouchTables>,
  share: ShareRequest,
  context: ShareContext,
): Promise<ShareResult> {
  const { siteId, at } = context;
  return db.transaction().execute(async (trx) => {
    const program = await loadShareProgram(trx, siteId);
    const customer = share.customer
      ? await upsertCustomer(trx, siteId, share.customer, share.visitor, at)
      : null;
    const code = customer
      ? await trx
          .selectFrom('referral_codes')
          .select('code')
          .where('customer_id', '=', customer.id)
          .executeTakeFirst()
      : undefined;
    const inserted = await trx
      .insertInto('shares')
      .values({
        site_id: siteId,
        id: share.id,
        channel: share.channel,
        visitor: share.visitor,
        customer_id: customer?.id ?? null,
        code: code?.code ?? null,
        url: share.url ?? null,
        campaign: program?.campaign ?? '',
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!program || !customer) return { recorded: true };
    // Rewarding the act of sharing asks a verified sharer: a made-up customer id earns nothing.
    if (inserted && program.rewardOn === 'share' && program.reward && context.verified) {
      const granted = await grantShareReward(trx, {
        siteId,
        customerId: customer.id,
        campaign: program.campaign,
        trigger: 'share',
        channel: share.channel,
        rule: program.reward,
        at,
      });
      if (granted) await approveShareReward(trx, granted, program.reward.coupon ?? null, at);
    }
    const reward = await trx
      .selectFrom('share_rewards')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('customer_id', '=', customer.id)
      .where('campaign', '=', program.campaign)
      .executeTakeFirst();
    return reward
      ? { recorded: true, reward: toShareRewardView(reward, context.locale, context.verified) }
      : { recorded: true };
  });
}
