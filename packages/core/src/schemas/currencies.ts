// Plain data and arithmetic about money, without zod, so browser code can use them.

/**
 * ISO 4217 codes of the currencies in circulation, and how many decimals each has where
 * that is not 2. Fixed here rather than read from `Intl`, whose list varies with the
 * runtime's ICU version, so the browser and the server always agree.
 */
export const CURRENCIES: readonly string[] = /* @__PURE__ */ (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN ' +
  'BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD ' +
  'FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY ' +
  'KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP ' +
  'MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR ' +
  'RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT ' +
  'TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ' +
  'ZMW ZWG'
).split(' ');

const ZERO_DECIMALS =
  /* @__PURE__ */ 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ');
const THREE_DECIMALS = /* @__PURE__ */ 'BHD IQD JOD KWD LYD OMR TND'.split(' ');

/** Decimals of `currency`'s minor unit: 0 for JPY, 3 for KWD, else 2. */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMALS.includes(currency)) return 0;
  return THREE_DECIMALS.includes(currency) ? 3 : 2;
}

/** Largest amount accepted anywhere, in major units: beyond any one shop order. */
export const MAX_AMOUNT = 10_000_000;

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
