import type { TestimonialInput } from '../schemas/testimonials.js';
import { num, object, oneOf, optional, text } from './check.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import { orderIdCheck } from './orderChecks.js';
import { httpsUrlCheck, productIdCheck, starRatingCheck } from './testimonialChecks.js';
import {
  ANY,
  customerIdCheck,
  emailCheck,
  eventIdCheck,
  httpUrlCheck,
  publicKeyCheck,
} from './wireChecks.js';

// Twin of `testimonialInputSchema`, for the review form: apart from the checks of the
// public answers (./testimonialChecks.ts) so that a wall or a badge does not carry it.
// testimonialChecks.test.ts holds it to its schema.

/** The limits of the schemas; the tests hold them equal. */
const MIN_BODY = 10;
const MAX_BODY = 5000;
const MAX_TITLE = 120;
const MAX_NAME = 80;
const MAX_HONEYPOT = 1000;

/** Characters as the schemas count them: code points, so an emoji (or a lone surrogate) is one. */
const characters = (value: string) => [...value].length;

/** A string whose trimmed length is `min`–`max` characters. */
const trimmed = (min: number, max: number) =>
  text(0, ANY, `must be ${min}–${max} characters`, (value) => {
    const length = characters(value.trim());
    return length >= min && length <= max;
  });

/** Twin of `testimonialBodySchema`. */
export const testimonialBodyCheck = trimmed(MIN_BODY, MAX_BODY);
/** Twin of `testimonialTitleSchema`. */
export const testimonialTitleCheck = trimmed(1, MAX_TITLE);
/** Twin of `authorNameSchema`. */
export const authorNameCheck = trimmed(1, MAX_NAME);
/** Twin of `consentVersionSchema`. */
export const consentVersionCheck = text(
  0,
  ANY,
  'must be 1–64 letters, digits, ".", "_" or "-"',
  /^[A-Za-z0-9._-]{1,64}$/,
);

/** Twin of `testimonialInputSchema`: what `POST /v1/testimonials` takes. */
export const testimonialInputCheck = object<TestimonialInput>(
  {
    id: optional(eventIdCheck),
    rating: starRatingCheck,
    body: testimonialBodyCheck,
    title: optional(testimonialTitleCheck),
    authorName: authorNameCheck,
    email: optional(emailCheck),
    product: optional(productIdCheck),
    orderId: optional(orderIdCheck),
    photoUrl: optional(httpsUrlCheck),
    consent: oneOf([true], 'must be true: the author agrees to publish'),
    consentVersion: optional(consentVersionCheck),
    site: optional(publicKeyCheck),
    visitor: optional(eventIdCheck),
    customer: optional(customerIdCheck),
    // As `identityCheck`'s hash, written out here so that the runtime's checks stay as they are.
    customerHash: optional(
      text(0, ANY, 'must be an HMAC in hex or base64', /^[A-Za-z0-9+/=_-]{16,256}$/),
    ),
    at: optional(isoTimeCheck),
    url: optional(httpUrlCheck),
    honeypot: optional(
      text(
        0,
        ANY,
        `must be at most ${MAX_HONEYPOT} characters`,
        (value) => characters(value) <= MAX_HONEYPOT,
      ),
    ),
    fillMs: optional(
      num(0, Number.MAX_SAFE_INTEGER, true, 'must be a whole number of milliseconds ≥ 0'),
    ),
  },
  true,
);
