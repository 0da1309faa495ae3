import { referralLink } from '@vouch/core';
import type { Referral, ReferralProgram } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { listShareRewards, toShareRewardView } from '../shares/shareRewardRows.js';
import type { Site } from '../sites/Site.js';
import { countFriends } from './countFriends.js';
import { describeOffer } from './describeOffer.js';
import { toRewardView } from './rewardRows.js';

/** Rewards listed in a referral answer, newest first. */
const MAX_REWARDS = 100;

/**
 * The answer of `POST /v1/referrals`: the customer's code and link (to the program's
 * `landingUrl`, else the site's first origin), credited friends, their rewards and those
 * of the share program (coupons only when `verified`) and the two offers in the site's
 * locale.
 */
export async function loadReferral(
  db: Kysely<VouchTables>,
  site: Site,
  program: ReferralProgram,
  customerId: string,
  code: string,
  verified: boolean,
): Promise<Referral> {
  const landing = program.landingUrl ?? (site.origins[0] ? `${site.origins[0]}/` : undefined);
  if (!landing) {
    throw new ApiError(
      409,
      'landing_url_missing',
      'The site has no origin and its referral program no landingUrl: set one of them.',
    );
  }
  const rewards = await db
    .selectFrom('rewards')
    .selectAll()
    .where('site_id', '=', site.id)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_REWARDS)
    .execute();
  // Rewards of the share program (reason `share`) are kept apart, having no order; the
  // customer sees both, newest first.
  const shareRewards = await listShareRewards(db, site.id, customerId, MAX_REWARDS);
  const views = [
    ...rewards.map((row) => toRewardView(row, site.locale, verified)),
    ...shareRewards.map((row) => toShareRewardView(row, site.locale, verified)),
  ]
    .sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1))
    .slice(0, MAX_REWARDS);
  return {
    code,
    link: referralLink(landing, code),
    friends: await countFriends(db, site.id, code),
    rewards: views,
    verified,
    friendOffer: describeOffer(program.friendOffer.value, site.locale),
    referrerReward: describeOffer(program.referrerReward.value, site.locale),
  };
}
