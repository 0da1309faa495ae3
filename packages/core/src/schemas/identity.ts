import * as z from 'zod/mini';
import { customerIdSchema } from './primitives.js';

/** The HMAC of a customer id under the site's secret key, in hex or base64. */
export function identityHashSchema() {
  return z
    .string()
    .check(z.regex(/^[A-Za-z0-9+/=_-]{16,256}$/, 'must be an HMAC in hex or base64'));
}

/** A customer as the merchant identifies them: `identify({ id, email?, name?, hash? })`. */
export const identitySchema = z.strictObject({
  /** The merchant's own id for the customer. */
  id: customerIdSchema,
  email: z.optional(z.email('must be an email address').check(z.maxLength(254))),
  /** Shown to friends on a referral landing ("Ada sent you 10% off"). */
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** HMAC of `id` with the site's secret, computed by the merchant's server (hex or base64). */
  hash: z.optional(identityHashSchema()),
});
export type Identity = z.infer<typeof identitySchema>;
