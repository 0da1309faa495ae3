import * as z from 'zod/mini';

/** A site's public key, safe to put in a page: `pk_` and 16–48 letters, digits or `_`. */
export const publicKeySchema = z
  .string()
  .check(z.regex(/^pk_[A-Za-z0-9_]{16,48}$/, 'must be a public site key (pk_…)'));
export type PublicKey = z.infer<typeof publicKeySchema>;

/** An idempotency id chosen by the client: 8–64 URL-safe characters. */
export const eventIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "_" or "-"'));

/** A referral code as it appears in `?ref=`: 4–32 letters or digits. */
export const referralCodeSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{4,32}$/, 'must be 4–32 letters or digits'));

/** An absolute http(s) URL of at most 2048 characters. */
export const httpUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL'),
);

/** An origin such as `https://shop.example` (scheme, host and optional port only). */
export const originSchema = z.string().check(
  z.refine((value) => {
    try {
      return new URL(value).origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://shop.example (no path or trailing slash)'),
);

/** An ISO 8601 date-time with a zone, as `Date.prototype.toISOString` writes it. */
export const isoTimeSchema = z.iso.datetime({ offset: true });

/** The id a merchant gives a customer in `identify`. */
export const customerIdSchema = z.string().check(z.minLength(1), z.maxLength(128));

/** An anonymous, per-browser visitor id chosen by the client. */
export const visitorIdSchema = eventIdSchema;
