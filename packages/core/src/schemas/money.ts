import * as z from 'zod/mini';
import { CURRENCIES, MAX_AMOUNT } from './currencies.js';

export { CURRENCIES, MAX_AMOUNT } from './currencies.js';
export { currencyDecimals, fromMinor, moneyIssue, toMinor } from './minorUnits.js';

/** An ISO 4217 currency code in circulation, upper case: `EUR`, `USD`, `JPY`. */
export const currencySchema = z
  .string()
  .check(
    z.refine(
      (value) => /^[A-Z]{3}$/.test(value) && CURRENCIES.includes(value),
      'must be an ISO 4217 currency code such as EUR or USD',
    ),
  );

/**
 * An amount of money in major units (`42.5` is 42.50), 0 to {@link MAX_AMOUNT}. Its
 * decimals are checked against the currency where both are known (`moneyIssue`).
 */
export const amountSchema = z
  .number()
  .check(
    z.refine(
      (value) => Number.isFinite(value) && value >= 0 && value <= MAX_AMOUNT,
      `must be an amount from 0 to ${MAX_AMOUNT}`,
    ),
  );
