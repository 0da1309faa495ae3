import type { RewardValue } from '../schemas/referrals.js';

const money = (amount: number, currency: string, locale: string) => {
  const format = (tag: string) =>
    new Intl.NumberFormat(tag, { style: 'currency', currency }).format(amount);
  try {
    return format(locale);
  } catch {
    // A malformed locale tag from a site's settings must not break a page.
    return format('en');
  }
};

/**
 * A reward in plain words: `10% off`, `€5.00 off`, `€5.00 store credit`. Amounts are
 * formatted for `locale` with `Intl.NumberFormat`; an invalid tag falls back to English.
 * @param locale a BCP 47 tag such as `en-GB` or `de`. @default 'en'
 */
export function describeReward(value: RewardValue, locale = 'en'): string {
  if (value.kind === 'percent') return `${value.percent}% off`;
  const amount = money(value.amount, value.currency, locale);
  return value.kind === 'credit' ? `${amount} store credit` : `${amount} off`;
}
