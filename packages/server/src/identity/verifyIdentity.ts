import { timingSafeEqual } from 'node:crypto';
import type { Identity } from '@vouch/core/schemas';
import type { IdentityKey } from './IdentityKey.js';

/** An HMAC-SHA256 is 32 bytes. */
const HMAC_BYTES = 32;

/**
 * Whether `identity.hash` is the HMAC of `identity.id` under the site's key (see
 * `identityHash`), given in hex or in base64 (standard or URL-safe, padded or not).
 * Compared in constant time. False when there is no hash. This says only whether the
 * identity is verified; whether an unverified one is refused is the site's
 * `identityVerification` setting (see `requireIdentity`).
 */
export function verifyIdentity(
  site: { identityKey: IdentityKey },
  identity: Pick<Identity, 'id' | 'hash'>,
): boolean {
  if (!identity.hash) return false;
  const given = decodeHash(identity.hash);
  if (!given) return false;
  return timingSafeEqual(given, site.identityKey.sign(identity.id));
}

function decodeHash(hash: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(hash)) return Buffer.from(hash, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(hash)) return undefined;
  const bytes = Buffer.from(hash, 'base64');
  return bytes.length === HMAC_BYTES ? bytes : undefined;
}
