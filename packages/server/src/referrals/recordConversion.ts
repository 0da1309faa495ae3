import { assessConversion, normalizeEmail, planRewards } from '@vouch/core';
import {
  type ConversionRequest,
  type ConversionResult,
  fromMinor,
  type Identity,
  type ReferralProgram,
  toMinor,
} from '@vouch/core/schemas';
import type { Insertable, Kysely } from 'kysely';
import type { RewardsTable, VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { randomBase62 } from '../sites/randomBase62.js';
import { approveReward, lockReward } from './approveReward.js';
import { type ConversionRow, lockConversion, toConversionResult } from './conversionRows.js';
import { type Attribution, findAttribution } from './findAttribution.js';
import { type Buyer, gatherConversionFacts } from './gatherConversionFacts.js';
import { upsertCustomer } from './upsertCustomer.js';

/** One `POST /v1/conversions`, validated and authenticated. */
export interface ConversionContext {
  site: { id: string; attribution: 'first' | 'last' };
  /** The site's program when it is on. */
  program: ReferralProgram | null;
  /** The clock, epoch ms. */
  now: number;
  /** Whether the request carried the site's secret key. */
  verified: boolean;
  request: ConversionRequest;
  /**
   * The buyer's identity when it can be trusted (the secret key, a verified hash, or a
   * site that does not verify identities); null otherwise.
   */
  customer: Identity | null;
}

/**
 * Records an order once per site and order id, in the caller's transaction, and
 * answers as `POST /v1/conversions` does:
 *
 * - a new order is credited to its `ref` (or the code its pool coupon was claimed
 *   through), checked by the program's fraud rules, and gets its planned rewards — or
 *   goes to `review` with its reasons, nothing paid;
 * - the same order again gets the same answer and changes nothing, except that the
 *   secret key confirms (verifies) an order the browser recorded, and an order recorded
 *   without a referral (often the merchant's server, which knows no `ref`) is credited
 *   by the first later post that names one;
 * - the same order id with another amount or currency is 409 `order_conflict`.
 *
 * Verified orders' rewards with no hold are approved at once, with their coupons.
 */
export async function recordConversion(
  trx: Kysely<VouchTables>,
  context: ConversionContext,
): Promise<ConversionResult> {
  const { site, request, now } = context;
  const at = new Date(now).toISOString();
  const buyerRow = context.customer
    ? await upsertCustomer(trx, site.id, context.customer, request.visitor, at)
    : null;
  const email = request.email ?? context.customer?.email ?? null;
  const inserted = await trx
    .insertInto('conversions')
    .values({
      site_id: site.id,
      order_id: request.orderId,
      amount_minor: toMinor(request.amount, request.currency),
      currency: request.currency,
      customer_id: buyerRow?.id ?? null,
      email,
      email_normalized: email === null ? null : normalizeEmail(email),
      visitor: request.visitor ?? null,
      code: null,
      coupon: request.coupon ?? null,
      referrer_domain: request.referrerDomain ?? null,
      verified: context.verified ? 1 : 0,
      status: 'none',
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'order_id']).doNothing())
    .returningAll()
    .executeTakeFirst();

  let row: ConversionRow;
  if (inserted) {
    row = inserted;
  } else {
    const existing = await lockConversion(trx, site.id, request.orderId);
    if (!existing) throw new Error(`conversion ${request.orderId} vanished`);
    assertSameOrder(existing, request);
    row = await mergeRepeat(trx, existing, request, buyerRow?.id ?? null, email, context.verified);
    const unattributed = row.status === 'none' && row.code === null;
    if (!unattributed || !(request.ref || request.coupon)) {
      if (row.verified === 1) await approveDue(trx, row, at);
      return toConversionResult(row);
    }
  }

  const attribution = await findAttribution(
    trx,
    site.id,
    { ref: request.ref ?? null, coupon: row.coupon },
    site.attribution,
  );
  if (!attribution) return toConversionResult(row);
  const knownSince = buyerRow?.created_at ?? (await customerSince(trx, row.customer_id));
  row = await credit(trx, context, row, attribution, knownSince, at);
  if (row.verified === 1) await approveDue(trx, row, at);
  return toConversionResult(row);
}

function assertSameOrder(row: ConversionRow, request: ConversionRequest): void {
  const sameAmount = Number(row.amount_minor) === toMinor(request.amount, request.currency);
  const sameCurrency = row.currency === request.currency;
  if (sameAmount && sameCurrency) return;
  const stored = `${fromMinor(Number(row.amount_minor), row.currency)} ${row.currency}`;
  const given = `${request.amount} ${request.currency}`;
  const what = sameCurrency ? 'amount' : sameAmount ? 'currency' : 'amount and currency';
  throw new ApiError(
    409,
    'order_conflict',
    `The order ${request.orderId} was recorded with ${stored}; this request has a different ` +
      `${what}: ${given}. An order id names one order: send a new id for a new order.`,
    {
      issues: [
        ...(sameCurrency ? [] : [{ path: 'currency', message: `was ${row.currency}` }]),
        ...(sameAmount ? [] : [{ path: 'amount', message: `was ${stored}` }]),
      ],
    },
  );
}

/**
 * A repeat of a stored order: the secret key verifies it, and facts the first post
 * lacked (the buyer, their e-mail and browser, the coupon, where they came from) are
 * filled in. Nothing already stored is replaced.
 */
async function mergeRepeat(
  trx: Kysely<VouchTables>,
  row: ConversionRow,
  request: ConversionRequest,
  customerId: string | null,
  email: string | null,
  verified: boolean,
): Promise<ConversionRow> {
  const fill = {
    verified: verified || row.verified === 1 ? 1 : 0,
    customer_id: row.customer_id ?? customerId,
    email: row.email ?? email,
    email_normalized: row.email_normalized ?? (email === null ? null : normalizeEmail(email)),
    visitor: row.visitor ?? request.visitor ?? null,
    coupon: row.coupon ?? request.coupon ?? null,
    referrer_domain: row.referrer_domain ?? request.referrerDomain ?? null,
  };
  const changed = (Object.keys(fill) as Array<keyof typeof fill>).some((k) => fill[k] !== row[k]);
  if (!changed) return row;
  return trx
    .updateTable('conversions')
    .set(fill)
    .where('site_id', '=', row.site_id)
    .where('order_id', '=', row.order_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Credits `row` to `attribution`: fraud rules, reward plan, rewards. */
async function credit(
  trx: Kysely<VouchTables>,
  context: ConversionContext,
  row: ConversionRow,
  attribution: Attribution,
  knownSince: string | null,
  at: string,
): Promise<ConversionRow> {
  const { program, now } = context;
  const buyer: Buyer = {
    customerId: row.customer_id,
    knownSince,
    email: row.email,
    visitor: row.visitor,
  };
  const gathered = await gatherConversionFacts(trx, row.site_id, row.order_id, attribution, buyer, {
    coupon: row.coupon,
    referrerDomain: row.referrer_domain,
    at,
  });
  const reasons = program ? assessConversion(gathered.facts, program.fraud, now) : [];
  const rewards: Insertable<RewardsTable>[] = [];
  if (program) {
    const offer = program.friendOffer;
    const fixed = offer.coupon && 'code' in offer.coupon ? offer.coupon.code : null;
    const plan = planRewards(program, {
      amount: fromMinor(Number(row.amount_minor), row.currency),
      currency: row.currency,
      flagged: reasons.length > 0,
      friendsBefore: gathered.friendsBefore,
      alreadyCredited: gathered.alreadyCredited,
      offerTaken:
        offer.value.kind === 'credit' ||
        (row.coupon !== null && (row.coupon === fixed || gathered.couponClaimedThroughCode)),
      now,
    });
    for (const planned of plan.rewards) {
      const forReferrer = planned.recipient === 'referrer';
      rewards.push({
        id: `rwd_${randomBase62(20)}`,
        site_id: row.site_id,
        order_id: row.order_id,
        code: attribution.code,
        kind: planned.kind,
        reason: planned.reason,
        customer_id: forReferrer ? attribution.referrer.id : row.customer_id,
        visitor: forReferrer || row.customer_id ? null : row.visitor,
        value: JSON.stringify(planned.value),
        coupon_source: planned.coupon ? JSON.stringify(planned.coupon) : null,
        // The friend's offer was the coupon they used.
        coupon: planned.reason === 'offer' ? row.coupon : null,
        status: planned.status,
        approves_at:
          planned.approvesAt === null ? null : new Date(planned.approvesAt).toISOString(),
        decided_at: planned.status === 'approved' ? at : null,
        created_at: at,
      });
    }
  }
  const updated = await trx
    .updateTable('conversions')
    .set({
      code: attribution.code,
      status: reasons.length ? 'review' : 'attributed',
      reasons: JSON.stringify(reasons),
    })
    .where('site_id', '=', row.site_id)
    .where('order_id', '=', row.order_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (rewards.length) {
    await trx
      .insertInto('rewards')
      .values(rewards)
      .onConflict((oc) => oc.columns(['site_id', 'order_id', 'kind']).doNothing())
      .execute();
  }
  return updated;
}

/** Approves this verified order's pending rewards that are due; an empty pool leaves one pending. */
async function approveDue(trx: Kysely<VouchTables>, row: ConversionRow, at: string): Promise<void> {
  if (row.status === 'refunded') return;
  const due = await trx
    .selectFrom('rewards')
    .select('id')
    .where('site_id', '=', row.site_id)
    .where('order_id', '=', row.order_id)
    .where('status', '=', 'pending')
    .where('approves_at', '<=', at)
    .execute();
  for (const { id } of due) {
    const reward = await lockReward(trx, row.site_id, id);
    if (reward?.status !== 'pending') continue;
    try {
      await approveReward(trx, reward, at);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'coupons_exhausted')) throw error;
    }
  }
}

/** When the shop's records of the order's buyer began, or null for no known buyer. */
async function customerSince(
  trx: Kysely<VouchTables>,
  customerId: string | null,
): Promise<string | null> {
  if (customerId === null) return null;
  const customer = await trx
    .selectFrom('customers')
    .select('created_at')
    .where('id', '=', customerId)
    .executeTakeFirst();
  return customer?.created_at ?? null;
}
