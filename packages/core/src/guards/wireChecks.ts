import type { Identity } from '../schemas/identity.js';
import { num, object, oneOf, optional, text } from './check.js';

// Lean twins of the zod schemas in ../schemas, for code that runs before a widget
// paints. Same rules, same messages; wireChecks.test.ts holds each to its schema. The
// checks of events (./eventChecks.ts) and of orders (./orderChecks.ts) are apart: a
// bundle splits by module, so what only records or sends stays out of the first paint.

/** Longest string the checks accept where the schema sets no limit. */
export const ANY = 1e9;
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Whether `value` is an absolute http(s) URL. */
export const isHttpUrl = (value: string): boolean => {
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
/** Twin of `customerIdSchema`. */
export const customerIdCheck = text(1, 128, 'must be 1–128 characters');
/** Any string. */
export const anyText = text(0, ANY, '');
/** An e-mail address, as `z.email()` accepts it. */
export const emailCheck = text(0, 254, 'must be an email address', EMAIL);
/** Either boolean. */
export const booleanCheck = oneOf([true, false], 'expected boolean');
/** A whole number ≥ 0. */
export const count = num(0, Number.MAX_SAFE_INTEGER, true, 'must be a whole number ≥ 0');

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
