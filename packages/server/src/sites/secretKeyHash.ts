import { createHash } from 'node:crypto';

/**
 * SHA-256 of a secret key, hex. A fast hash is right here: the key is 40 random base62
 * characters (≈ 238 bits), so there is nothing to gain from a slow password hash.
 */
export function secretKeyHash(secretKey: string): string {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex');
}
