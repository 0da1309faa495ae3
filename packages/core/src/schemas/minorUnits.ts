// Amounts in minor units, without zod. Apart from ./currencies.ts so that a page that
// only checks currency codes does not download this.

/** Currencies whose minor unit is not a hundredth. */
const ZERO_DECIMALS =
  /* @__PURE__ */ 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ');
const THREE_DECIMALS = /* @__PURE__ */ 'BHD IQD JOD KWD LYD OMR TND'.split(' ');

/** Decimals of `currency`'s minor unit: 0 for JPY, 3 for KWD, else 2. */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMALS.includes(currency)) return 0;
  return THREE_DECIMALS.includes(currency) ? 3 : 2;
}

/**
 * What is wrong with `amount` in `currency`, or null: more decimals than the currency has
 * (`10.005 EUR`, `5.5 JPY`). Amounts are stored in minor units, so this would be lost.
 */
export function moneyIssue(amount: number, currency: string): string | null {
  const decimals = currencyDecimals(currency);
  const minor = amount * 10 ** decimals;
  return Math.abs(minor - Math.round(minor)) < 1e-6
    ? null
    : `must have at most ${decimals} decimals in ${currency}`;
}

/** `amount` of `currency` in minor units (cents): `toMinor(42.5, 'EUR')` is 4250. */
export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDecimals(currency));
}

/** Minor units back to major units: `fromMinor(4250, 'EUR')` is 42.5. */
export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** currencyDecimals(currency);
}
