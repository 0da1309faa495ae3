import type { ConsentStorage } from './createConsentStorage.js';
import { formatIssues } from './formatIssues.js';
import { validate } from './guards/check.js';
import { eventIdCheck, identityCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';
import type { Identity } from './schemas/identity.js';

/** Who the shopper is: an anonymous visitor id, and the customer once identified. */
export interface IdentityStore {
  /** The visitor id, created on first use. */
  visitor(): string;
  /** Forgets the visitor id so that the next `visitor()` is a new one. */
  rotateVisitor(): void;
  identity(): Identity | null;
  /** Validates and keeps `input`; throws a `TypeError` naming the bad field. */
  identify(input: unknown): Identity;
  /** Forgets the customer (logout) and starts a new visitor, unlinkable to the last. */
  reset(): void;
}

/** Visitor and customer identity, kept in consent-aware storage. */
export function createIdentity(storage: ConsentStorage, platform: Platform): IdentityStore {
  const rotateVisitor = () => storage.remove('visitor');
  return {
    visitor() {
      const known = storage.get('visitor', eventIdCheck);
      if (known) return known;
      const fresh = platform.randomId();
      storage.set('visitor', fresh);
      return fresh;
    },
    rotateVisitor,
    identity: () => storage.get('identity', identityCheck),
    identify(input) {
      const result = validate(identityCheck, input);
      if (!result.ok) throw new TypeError(`[vouch] identify: ${formatIssues(result.issues)}`);
      storage.set('identity', result.value);
      return result.value;
    },
    reset() {
      storage.remove('identity');
      rotateVisitor();
    },
  };
}
