import { describe, expect, it } from 'vitest';
import type { FraudRules } from '../schemas/referrals.js';
import { assessConversion, type ConversionFacts, VELOCITY_WINDOW_MS } from './assessConversion.js';

const NOW = Date.parse('2030-03-01T12:00:00Z');
const DAY = 86_400_000;

const rules: FraudRules = {
  blockedReferrerDomains: ['coupons.example'],
  maxConversionsPerCodePerHour: 3,
  disposableEmailDomains: ['burner.example'],
};

/** Ben, a new customer, buys through Ada's link: nothing wrong with it. */
function facts(
  change: {
    referrer?: Partial<ConversionFacts['referrer']>;
    buyer?: Partial<ConversionFacts['buyer']>;
    landedAt?: number;
    referrerDomain?: string | null;
    codeConversions?: number[];
  } = {},
): ConversionFacts {
  return {
    referrer: {
      customerId: 'ada',
      email: 'ada@example.com',
      visitors: ['v_ada_laptop'],
      ...change.referrer,
    },
    buyer: {
      customerId: 'ben',
      email: 'ben@example.com',
      visitor: 'v_ben_phone',
      knownSince: null,
      orderedBefore: false,
      ...change.buyer,
    },
    landedAt: change.landedAt ?? NOW - DAY,
    referrerDomain: change.referrerDomain === undefined ? 'friends.example' : change.referrerDomain,
    codeConversions: change.codeConversions ?? [],
  };
}

describe('assessConversion', () => {
  it('passes a new friend who bought on their own', () => {
    expect(assessConversion(facts(), rules, NOW)).toEqual([]);
  });

  it('flags the referrer buying as themselves', () => {
    expect(assessConversion(facts({ buyer: { customerId: 'ada' } }), rules, NOW)).toEqual([
      'self_referral_customer',
    ]);
    // Two anonymous buyers are not "the same customer".
    const anonymous = facts({ referrer: { customerId: 'ada' }, buyer: { customerId: null } });
    expect(assessConversion(anonymous, rules, NOW)).toEqual([]);
  });

  it('flags the same mailbox behind another spelling', () => {
    const referrer = { email: 'ada.lovelace@gmail.com' };
    for (const email of ['adalovelace@gmail.com', 'Ada.Love.Lace+deal@googlemail.com']) {
      expect(assessConversion(facts({ referrer, buyer: { email } }), rules, NOW)).toEqual([
        'self_referral_email',
      ]);
    }
    expect(
      assessConversion(
        facts({ referrer: { email: null }, buyer: { email: 'x@example.com' } }),
        rules,
        NOW,
      ),
    ).toEqual([]);
  });

  it('flags an order from a browser the referrer used', () => {
    expect(assessConversion(facts({ buyer: { visitor: 'v_ada_laptop' } }), rules, NOW)).toEqual([
      'self_referral_browser',
    ]);
    expect(assessConversion(facts({ buyer: { visitor: null } }), rules, NOW)).toEqual([]);
  });

  it('flags a "friend" who ordered before or was known before landing', () => {
    expect(assessConversion(facts({ buyer: { orderedBefore: true } }), rules, NOW)).toEqual([
      'existing_customer',
    ]);
    const landedAt = NOW - DAY;
    expect(
      assessConversion(facts({ landedAt, buyer: { knownSince: landedAt - 1 } }), rules, NOW),
    ).toEqual(['existing_customer']);
    // Known from the landing on (signed up after following the link): a new customer.
    expect(
      assessConversion(facts({ landedAt, buyer: { knownSince: landedAt } }), rules, NOW),
    ).toEqual([]);
  });

  it('flags friends sent by a blocked site or its subdomains, not look-alikes', () => {
    for (const referrerDomain of ['coupons.example', 'www.coupons.example', 'uk.coupons.example']) {
      expect(assessConversion(facts({ referrerDomain }), rules, NOW)).toEqual([
        'blocked_referrer_domain',
      ]);
    }
    expect(assessConversion(facts({ referrerDomain: 'mycoupons.example' }), rules, NOW)).toEqual(
      [],
    );
    expect(assessConversion(facts({ referrerDomain: null }), rules, NOW)).toEqual([]);
  });

  it('flags the order past the hourly limit of its code, counting the last hour only', () => {
    const two = [NOW - 10 * 60_000, NOW - 50 * 60_000];
    expect(assessConversion(facts({ codeConversions: two }), rules, NOW)).toEqual([]);
    const three = [...two, NOW - 1];
    expect(assessConversion(facts({ codeConversions: three }), rules, NOW)).toEqual([
      'code_velocity',
    ]);
    // An hour later the same history is fine again: the clock moved, nothing else did.
    expect(
      assessConversion(facts({ codeConversions: three }), rules, NOW + VELOCITY_WINDOW_MS),
    ).toEqual([]);
    const old = [
      NOW - VELOCITY_WINDOW_MS,
      NOW - 2 * VELOCITY_WINDOW_MS,
      NOW - 3 * VELOCITY_WINDOW_MS,
    ];
    expect(assessConversion(facts({ codeConversions: old }), rules, NOW)).toEqual([]);
    const one = { ...rules, maxConversionsPerCodePerHour: 1 };
    expect(assessConversion(facts(), one, NOW)).toEqual([]);
    expect(assessConversion(facts({ codeConversions: [NOW - 1000] }), one, NOW)).toEqual([
      'code_velocity',
    ]);
  });

  it("flags throwaway mailboxes, built-in and the program's own", () => {
    expect(assessConversion(facts({ buyer: { email: 'ben@mailinator.com' } }), rules, NOW)).toEqual(
      ['disposable_email'],
    );
    expect(assessConversion(facts({ buyer: { email: 'ben@burner.example' } }), rules, NOW)).toEqual(
      ['disposable_email'],
    );
  });

  it('gives every reason that applies, in a fixed order', () => {
    const everything = facts({
      referrer: { customerId: 'ada', email: 'ada@mailinator.com', visitors: ['v1'] },
      buyer: {
        customerId: 'ada',
        email: 'ADA+2@mailinator.com',
        visitor: 'v1',
        orderedBefore: true,
      },
      referrerDomain: 'coupons.example',
      codeConversions: [NOW - 1, NOW - 2, NOW - 3],
    });
    expect(assessConversion(everything, rules, NOW)).toEqual([
      'self_referral_customer',
      'self_referral_email',
      'self_referral_browser',
      'existing_customer',
      'blocked_referrer_domain',
      'code_velocity',
      'disposable_email',
    ]);
  });
});
