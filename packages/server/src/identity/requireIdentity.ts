import type { Identity } from '@vouch/core/schemas';
import { ApiError } from '../http/ApiError.js';
import type { IdentityKey } from './IdentityKey.js';
import { verifyIdentity } from './verifyIdentity.js';

/**
 * For routes that take an identified customer: whether the identity is verified by its
 * `hash`, and, when the site turns identity verification on, a refusal of one that is
 * not — 403 `identity_not_verified`, naming `path` (the field the identity came in).
 */
export function requireIdentity(
  site: { identityVerification: boolean; identityKey: IdentityKey },
  identity: Pick<Identity, 'id' | 'hash'>,
  path = 'customer',
): boolean {
  const verified = verifyIdentity(site, identity);
  if (!verified && site.identityVerification) {
    const message = identity.hash
      ? "is not the HMAC of the customer id under this site's secret key"
      : 'is required: this site verifies identities (see identityHash)';
    throw new ApiError(
      403,
      'identity_not_verified',
      'This site requires a verified identity: identify({ id, hash }) with the hash from your server.',
      { issues: [{ path: `${path}.hash`, message }] },
    );
  }
  return verified;
}
