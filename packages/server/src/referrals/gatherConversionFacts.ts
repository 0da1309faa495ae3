import { type ConversionFacts, normalizeEmail, VELOCITY_WINDOW_MS } from '@vouch/core';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { countFriends } from './countFriends.js';
import type { Attribution } from './findAttribution.js';

/** The buyer of an order, as far as it is known. */
export interface Buyer {
  /** Internal customer id, when the buyer was identified. */
  customerId: string | null;
  /** When that customer was first known, ISO. */
  knownSince: string | null;
  email: string | null;
  visitor: string | null;
}

/** Everything the rules need about one referred order, read in its transaction. */
export interface GatheredFacts {
  facts: ConversionFacts;
  /** Friends credited to the code before (their referrer reward is not voided). */
  friendsBefore: number;
  /** Whether this buyer was already credited to the code. */
  alreadyCredited: boolean;
  /** Whether `coupon` is one this code's landing gave out (pool or fixed). */
  couponClaimedThroughCode: boolean;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Reads the facts of `assessConversion` and `planRewards` for order `orderId` credited
 * to `attribution`. Run it after the code's row is locked (`findAttribution`), so that
 * the counts cannot change under it.
 */
export async function gatherConversionFacts(
  trx: Kysely<VouchTables>,
  siteId: string,
  orderId: string,
  attribution: Attribution,
  buyer: Buyer,
  order: { coupon: string | null; referrerDomain: string | null; at: string },
): Promise<GatheredFacts> {
  const { code, referrer } = attribution;
  const emailKey = buyer.email === null ? null : normalizeEmail(buyer.email);
  const sameBuyer = (eb: ExpressionBuilder<VouchTables, 'conversions'>, withVisitor: boolean) => {
    const matches = [];
    if (buyer.customerId) matches.push(eb('conversions.customer_id', '=', buyer.customerId));
    if (emailKey) matches.push(eb('conversions.email_normalized', '=', emailKey));
    if (withVisitor && buyer.visitor) matches.push(eb('conversions.visitor', '=', buyer.visitor));
    return matches.length ? eb.or(matches) : sql<boolean>`1 = 0`;
  };
  const others = trx
    .selectFrom('conversions')
    .where('conversions.site_id', '=', siteId)
    .where('conversions.order_id', '!=', orderId);

  const visitors = await trx
    .selectFrom('referral_visitors')
    .select('visitor')
    .where('customer_id', '=', referrer.id)
    .execute();
  // A claim of the friend's coupon through this code, by this browser or of this coupon.
  const claimBy = (column: 'visitor' | 'coupon', value: string | null) =>
    value === null
      ? undefined
      : trx
          .selectFrom('referral_claims')
          .select('created_at')
          .where('site_id', '=', siteId)
          .where('code', '=', code)
          .where(column, '=', value)
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirst();
  const landing = await claimBy('visitor', buyer.visitor);
  // An order before, other than as this code's friend: not a new customer.
  const earlier = await others
    .select('conversions.order_id')
    .where((eb) => sameBuyer(eb, false))
    .where((eb) => eb.or([eb('conversions.code', 'is', null), eb('conversions.code', '!=', code)]))
    .limit(1)
    .executeTakeFirst();
  const credited = await others
    .innerJoin('rewards', (join) =>
      join
        .onRef('rewards.site_id', '=', 'conversions.site_id')
        .onRef('rewards.order_id', '=', 'conversions.order_id'),
    )
    .select('conversions.order_id')
    .where('conversions.code', '=', code)
    .where('rewards.kind', '=', 'friend')
    .where('rewards.status', '!=', 'voided')
    .where((eb) => sameBuyer(eb, true))
    .limit(1)
    .executeTakeFirst();
  const friendsBefore = await countFriends(trx, siteId, code);
  const since = new Date(ms(order.at) - VELOCITY_WINDOW_MS).toISOString();
  const recent = await others
    .select('conversions.created_at')
    .where('conversions.code', '=', code)
    .where('conversions.created_at', '>', since)
    .execute();
  const claimed = await claimBy('coupon', order.coupon);

  // The landing: this browser's claim on the code, or the claim that named the code; when
  // neither is known, the earliest it can have been — when the code was made.
  const landedAt =
    landing?.created_at ?? attribution.claim?.created_at ?? attribution.codeCreatedAt;
  return {
    facts: {
      referrer: {
        customerId: referrer.id,
        email: referrer.email,
        visitors: visitors.map((v) => v.visitor),
      },
      buyer: {
        customerId: buyer.customerId,
        email: buyer.email,
        visitor: buyer.visitor,
        knownSince: buyer.knownSince === null ? null : ms(buyer.knownSince),
        orderedBefore: earlier !== undefined,
      },
      landedAt: ms(landedAt),
      referrerDomain: order.referrerDomain,
      codeConversions: recent.map((r) => ms(r.created_at)),
    },
    friendsBefore,
    alreadyCredited: credited !== undefined,
    couponClaimedThroughCode: claimed !== undefined,
  };
}
