import type { ConversionRequest } from '../schemas/conversions.js';
import { object, optional, text } from './check.js';
import { amountCheck, couponCodeCheck, currencyCheck, orderIdCheck } from './orderChecks.js';
import {
  anyText,
  emailCheck,
  eventIdCheck,
  identityCheck,
  referralCodeCheck,
} from './wireChecks.js';

// Apart from ./wireChecks.ts because only the code that sends conversions, loaded on
// first use, reads queued requests back: a bundle splits by module, not by export.

/** Twin of `conversionRequestSchema`: the body of `POST /v1/conversions`. */
export const conversionRequestCheck = object<ConversionRequest>(
  {
    orderId: orderIdCheck,
    amount: amountCheck,
    currency: currencyCheck,
    email: optional(emailCheck),
    coupon: optional(couponCodeCheck),
    site: optional(anyText),
    ref: optional(referralCodeCheck),
    visitor: optional(eventIdCheck),
    customer: optional(identityCheck),
    referrerDomain: optional(text(0, 253, 'must be at most 253 characters')),
  },
  true,
);
