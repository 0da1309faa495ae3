import type { ConversionInput } from '../schemas/conversions.js';
import { CURRENCIES, MAX_AMOUNT } from '../schemas/currencies.js';
import type { VouchEvent } from '../schemas/events.js';
import type { Identity } from '../schemas/identity.js';
import { type Check, num, object, oneOf, optional, text } from './check.js';

// Lean twins of the zod schemas in ../schemas, for code that runs before a widget
// paints. Same rules, same messages; wireChecks.test.ts holds each to its schema.

type PageEvent = Extract<VouchEvent, { type: 'page' }>;
type LandingEvent = Extract<VouchEvent, { type: 'landing' }>;

const ANY = 1e9;
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const ISO_DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const ISO_TIME = new RegExp(
  `^${ISO_DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`,
);

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Twin of `publicKeySchema`. */
export const publicKeyCheck = text(
  0,
  ANY,
  'must be a public site key (pk_…)',
  /^pk_[A-Za-z0-9_]{16,48}$/,
);
/** Twin of `eventIdSchema` (and `visitorIdSchema`). */
export const eventIdCheck = text(
  0,
  ANY,
  'must be 8–64 letters, digits, "_" or "-"',
  /^[A-Za-z0-9_-]{8,64}$/,
);
/** Twin of `referralCodeSchema`. */
export const referralCodeCheck = text(
  0,
  ANY,
  'must be 4–32 letters or digits',
  /^[A-Za-z0-9]{4,32}$/,
);
/** Twin of `httpUrlSchema`. */
export const httpUrlCheck = text(0, 2048, 'must be an absolute http(s) URL', isHttpUrl);
/** Twin of `isoTimeSchema`. */
export const isoTimeCheck = text(0, ANY, 'must be an ISO date-time', ISO_TIME);
/** Twin of `customerIdSchema`. */
export const customerIdCheck = text(1, 128, 'must be 1–128 characters');
/** Any string. */
export const anyText = text(0, ANY, '');
/** An e-mail address, as `z.email()` accepts it. */
export const emailCheck = text(0, 254, 'must be an email address', EMAIL);
/** Either boolean. */
export const booleanCheck = oneOf([true, false], 'expected boolean');

const eventBase = {
  id: eventIdCheck,
  at: isoTimeCheck,
  visitor: optional(eventIdCheck),
  customer: optional(customerIdCheck),
};

const pageEventCheck = object<PageEvent>(
  {
    ...eventBase,
    type: oneOf(['page'], 'expected "page"'),
    url: httpUrlCheck,
    referrer: optional(text(0, 2048, 'must be an http(s) URL or empty', (v) => !v || isHttpUrl(v))),
    title: optional(text(0, 300, 'must be at most 300 characters')),
  },
  true,
);

const landingEventCheck = object<LandingEvent>(
  {
    ...eventBase,
    type: oneOf(['landing'], 'expected "landing"'),
    url: httpUrlCheck,
    ref: referralCodeCheck,
  },
  true,
);

/** The event types {@link eventCheck} knows; the tests compare them with `eventSchema`'s. */
export const EVENT_CHECKS: Record<VouchEvent['type'], Check<VouchEvent>> = {
  page: pageEventCheck,
  landing: landingEventCheck,
};

/** Twin of `eventSchema`. */
export const eventCheck: Check<VouchEvent> = (value, path, issues) => {
  const type =
    typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const check =
    typeof type === 'string' && Object.hasOwn(EVENT_CHECKS, type)
      ? EVENT_CHECKS[type as VouchEvent['type']]
      : null;
  if (check) check(value, path, issues);
  else issues.push({ path: path ? `${path}.type` : 'type', message: 'unknown event type' });
};

/** Twin of `identitySchema`. */
export const identityCheck = object<Identity>(
  {
    id: customerIdCheck,
    email: optional(emailCheck),
    name: optional(text(1, 200, 'must be 1–200 characters')),
    hash: optional(text(0, ANY, 'must be an HMAC in hex or base64', /^[A-Za-z0-9+/=_-]{16,256}$/)),
  },
  true,
);

/** A whole number ≥ 0. */
export const count = num(0, Number.MAX_SAFE_INTEGER, true, 'must be a whole number ≥ 0');
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
