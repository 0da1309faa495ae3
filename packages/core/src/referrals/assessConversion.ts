import type { FraudReason } from '../schemas/conversions.js';
import type { FraudRules } from '../schemas/referrals.js';
import { isDisposableEmail } from './isDisposableEmail.js';
import { matchesDomain } from './matchesDomain.js';
import { normalizeEmail } from './normalizeEmail.js';

/** The window of the per-code velocity rule. */
export const VELOCITY_WINDOW_MS = 3_600_000;

/** The customer who owns the referral code a conversion is attributed to. */
export interface ReferrerFacts {
  /** Their id (the merchant's or the server's: compared with the buyer's as it is). */
  customerId: string;
  email: string | null;
  /** Visitor ids (browsers) seen on the referrer's own requests. */
  visitors: readonly string[];
}

/** What is known of the buyer of a referred order. */
export interface BuyerFacts {
  customerId: string | null;
  email: string | null;
  /** The browser the order was placed from. */
  visitor: string | null;
  /** When the shop's records of this buyer began (epoch ms); null for a new customer. */
  knownSince: number | null;
  /** Whether the buyer ordered before, other than as this code's friend. */
  orderedBefore: boolean;
}

/** Everything {@link assessConversion} looks at, gathered by whoever records the order. */
export interface ConversionFacts {
  referrer: ReferrerFacts;
  buyer: BuyerFacts;
  /**
   * When the buyer landed through the code (epoch ms). When that is not known, pass the
   * earliest it can have been (when the code was created): a buyer known before that is
   * certainly not new, and none is flagged by guesswork.
   */
  landedAt: number;
  /** The domain of the page that sent the buyer to the shop, when known. */
  referrerDomain: string | null;
  /** When earlier conversions of the same code happened (epoch ms). */
  codeConversions: readonly number[];
}

/**
 * The fraud rules a referred order breaks, as reason codes in a fixed order; empty when
 * it breaks none. Each reason explains itself:
 *
 * - `self_referral_customer`: the buyer is the referrer (same customer id);
 * - `self_referral_email`: the same mailbox (`normalizeEmail`: case, dots at Gmail and
 *   `+tags` do not hide it);
 * - `self_referral_browser`: the order came from a browser the referrer used;
 * - `existing_customer`: the "friend" ordered before, or was known before landing;
 * - `blocked_referrer_domain`: the friend came from a blocked site (or its subdomain);
 * - `code_velocity`: more than `maxConversionsPerCodePerHour` orders for the code in the
 *   hour up to `now`, this one included;
 * - `disposable_email`: the buyer's address is at a throwaway-mailbox service.
 */
export function assessConversion(
  facts: ConversionFacts,
  rules: FraudRules,
  now: number,
): FraudReason[] {
  const { referrer, buyer } = facts;
  const reasons: FraudReason[] = [];
  if (buyer.customerId !== null && buyer.customerId === referrer.customerId) {
    reasons.push('self_referral_customer');
  }
  if (
    buyer.email !== null &&
    referrer.email !== null &&
    normalizeEmail(buyer.email) === normalizeEmail(referrer.email)
  ) {
    reasons.push('self_referral_email');
  }
  if (buyer.visitor !== null && referrer.visitors.includes(buyer.visitor)) {
    reasons.push('self_referral_browser');
  }
  if (buyer.orderedBefore || (buyer.knownSince !== null && buyer.knownSince < facts.landedAt)) {
    reasons.push('existing_customer');
  }
  if (
    facts.referrerDomain !== null &&
    matchesDomain(facts.referrerDomain, rules.blockedReferrerDomains)
  ) {
    reasons.push('blocked_referrer_domain');
  }
  const recent = facts.codeConversions.filter(
    (at) => at <= now && now - at < VELOCITY_WINDOW_MS,
  ).length;
  if (recent + 1 > rules.maxConversionsPerCodePerHour) reasons.push('code_velocity');
  if (buyer.email !== null && isDisposableEmail(buyer.email, rules.disposableEmailDomains)) {
    reasons.push('disposable_email');
  }
  return reasons;
}
