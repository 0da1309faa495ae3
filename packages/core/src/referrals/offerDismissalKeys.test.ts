import { describe, expect, it } from 'vitest';
import {
  bannerDismissalKey,
  convertedOfferKeys,
  couponDismissalKey,
} from './offerDismissalKeys.js';

describe('offer dismissal keys', () => {
  it('names a referral code as the banner always has, and a coupon in any case', () => {
    expect(bannerDismissalKey('Ada7KQ2m')).toBe('referral-banner:Ada7KQ2m');
    expect(couponDismissalKey('ll10-abc')).toBe('referral-banner:coupon:LL10-ABC');
    expect(couponDismissalKey('LL10-ABC')).toBe(couponDismissalKey('ll10-abc'));
    // Codes are case-sensitive: two codes differing in case are two referrers.
    expect(bannerDismissalKey('abcd2345')).not.toBe(bannerDismissalKey('ABCD2345'));
  });

  it('settles the carried code, the credited code and the coupon of a purchase', () => {
    expect(
      convertedOfferKeys({ ref: 'Ada7KQ2m', coupon: 'LL10-ABC' }, { ref: 'Ada7KQ2m' }),
    ).toEqual(['referral-banner:Ada7KQ2m', 'referral-banner:coupon:LL10-ABC']);
    // A pool coupon claimed on another device: only the server names the code.
    expect(convertedOfferKeys({ coupon: 'LL10-ABC' }, { ref: 'Ada7KQ2m' })).toEqual([
      'referral-banner:Ada7KQ2m',
      'referral-banner:coupon:LL10-ABC',
    ]);
    // The kept code and the code the coupon was claimed through differ: both are spent.
    expect(convertedOfferKeys({ ref: 'Ben4PQ7r' }, { ref: 'Ada7KQ2m' })).toEqual([
      'referral-banner:Ben4PQ7r',
      'referral-banner:Ada7KQ2m',
    ]);
    expect(convertedOfferKeys({}, { ref: null })).toEqual([]);
  });
});
