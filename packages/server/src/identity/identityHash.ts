import { customerIdSchema } from '@vouch/core/schemas';
import { secretKeyHash } from '../sites/secretKeyHash.js';
import { SECRET_KEY } from '../sites/verifySecretKey.js';
import { IdentityKey } from './IdentityKey.js';

/**
 * The `hash` a merchant's server puts in `identify({ id, hash })` when the site turns on
 * identity verification: HMAC-SHA256 of the customer id (UTF-8) under the SHA-256 digest
 * (32 raw bytes) of the site's secret key, in lowercase hex.
 *
 * The server keeps only that digest of the secret key, never the key itself, so the HMAC
 * key is the digest; the secret key never needs to reach the browser. Equivalent shell:
 *
 * ```sh
 * KEY=$(printf %s "$VOUCH_SECRET_KEY" | openssl dgst -sha256 -r | cut -c1-64)
 * printf %s "$CUSTOMER_ID" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -r | cut -c1-64
 * ```
 *
 * @param secretKey the site's secret key (`sk_…`), kept on the merchant's server only.
 * @param customerId the id given to `identify`, exactly as given.
 * @throws TypeError naming the argument for a key that is no secret key (a public key
 *   by mistake would give a hash that never verifies) or an id `identify` would refuse.
 */
export function identityHash(secretKey: string, customerId: string): string {
  if (typeof secretKey !== 'string' || !SECRET_KEY.test(secretKey)) {
    throw new TypeError("identityHash: secretKey must be the site's secret key (sk_…)");
  }
  if (!customerIdSchema.safeParse(customerId).success) {
    throw new TypeError('identityHash: customerId must be a string of 1 to 128 characters');
  }
  return new IdentityKey(secretKeyHash(secretKey)).sign(customerId).toString('hex');
}
