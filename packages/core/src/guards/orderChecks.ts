import type { ConversionInput } from '../schemas/conversions.js';
import { CURRENCIES, MAX_AMOUNT } from '../schemas/currencies.js';
import { num, object, optional, text } from './check.js';
import { ANY, emailCheck } from './wireChecks.js';

// Twins of the money and order schemas, for the code that records purchases and reads
// referral programs (both loaded after a widget can paint). wireChecks.test.ts holds each
// to its schema.

/** Twin of `currencySchema`: an ISO 4217 code in circulation. */
export const currencyCheck = text(
  0,
  ANY,
  'must be an ISO 4217 currency code such as EUR or USD',
  (value) => /^[A-Z]{3}$/.test(value) && CURRENCIES.includes(value),
);
/** Twin of `amountSchema`. */
export const amountCheck = num(0, MAX_AMOUNT, false, `must be an amount from 0 to ${MAX_AMOUNT}`);
/** Twin of `couponCodeSchema`. */
export const couponCodeCheck = text(
  0,
  ANY,
  'must be 3–64 letters, digits, - or _',
  /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/,
);
/** Twin of `orderIdSchema`. */
export const orderIdCheck = text(1, 128, 'must be 1–128 characters without spaces', /^[^\s]+$/);

/** Twin of `conversionInputSchema`: what `client.conversion` takes. */
export const conversionInputCheck = object<ConversionInput>(
  {
    orderId: orderIdCheck,
    amount: amountCheck,
    currency: currencyCheck,
    email: optional(emailCheck),
    coupon: optional(couponCodeCheck),
  },
  true,
);
