import { normalizeEmail } from '@vouch/core';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/** Who wrote a testimonial, as far as the server can tell, and the order it names. */
export interface TestimonialAuthor {
  /** The merchant's id for the customer, when the page identified them. */
  customer: string | null;
  /** The customer id came with a hash the site's key verifies (`identify({ id, hash })`). */
  customerVerified: boolean;
  email: string | null;
  orderId: string | null;
}

/** What the records say about a testimonial's author. */
export interface BuyerFacts {
  /** The order id matches a conversion of the same customer (same id or same e-mail). */
  verifiedBuyer: boolean;
  /** The author received a reward from the merchant's referral program that is not voided. */
  incentivized: boolean;
}

/**
 * Checks a testimonial's author against the orders and rewards of the site.
 *
 * Verified buyer: a conversion of the site has the order id, and it was made by the same
 * customer (the conversion's customer has the merchant id the page identified, verified by
 * its identity hash: an id alone could be guessed) or with the same e-mail address
 * (normalized as the referral rules compare them). An order id alone proves nothing:
 * order numbers are often sequential.
 *
 * Incentivized: the author (same customer, or buyer of the reviewed order) holds a reward
 * that is not voided — a friend's offer on the order, or a referrer's reward. That is a
 * material connection to the merchant, which a review must disclose whatever it says.
 */
export async function buyerFacts(
  db: Kysely<VouchTables>,
  siteId: string,
  author: TestimonialAuthor,
): Promise<BuyerFacts> {
  const customerRow = author.customer
    ? await db
        .selectFrom('customers')
        .select('id')
        .where('site_id', '=', siteId)
        .where('merchant_id', '=', author.customer)
        .executeTakeFirst()
    : undefined;
  const customerId = customerRow?.id ?? null;

  // Only a verified id tells who the customer is; an unverified one still counts below,
  // where it can only add a disclosure (an incentive), never a badge.
  const buyerId = author.customerVerified ? customerId : null;
  let verifiedBuyer = false;
  if (author.orderId && (buyerId || author.email)) {
    const order = await db
      .selectFrom('conversions')
      .select(['customer_id', 'email_normalized'])
      .where('site_id', '=', siteId)
      .where('order_id', '=', author.orderId)
      .executeTakeFirst();
    verifiedBuyer = Boolean(
      order &&
        ((buyerId !== null && order.customer_id === buyerId) ||
          (author.email !== null &&
            order.email_normalized !== null &&
            order.email_normalized === normalizeEmail(author.email))),
    );
  }

  let rewards = db
    .selectFrom('rewards')
    .select('id')
    .where('site_id', '=', siteId)
    .where('status', '!=', 'voided');
  const holders: Array<'customer' | 'order'> = [];
  if (customerId) holders.push('customer');
  if (verifiedBuyer) holders.push('order');
  if (!holders.length) return { verifiedBuyer, incentivized: false };
  rewards = rewards.where((eb) =>
    eb.or(
      holders.map((holder) =>
        holder === 'customer'
          ? eb('customer_id', '=', customerId)
          : eb.and([eb('order_id', '=', author.orderId), eb('kind', '=', 'offer')]),
      ),
    ),
  );
  const reward = await rewards.limit(1).executeTakeFirst();
  return { verifiedBuyer, incentivized: reward !== undefined };
}
