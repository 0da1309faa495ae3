import { execFileSync } from 'node:child_process';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.js';
import { secretKeyHash } from '../sites/secretKeyHash.js';
import { IdentityKey } from './IdentityKey.js';
import { identityHash } from './identityHash.js';
import { requireIdentity } from './requireIdentity.js';
import { verifyIdentity } from './verifyIdentity.js';

const secretKey = 'sk_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const site = (identityVerification = true) => ({
  identityVerification,
  identityKey: new IdentityKey(secretKeyHash(secretKey)),
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('identityHash', () => {
  it('is the hex HMAC-SHA256 of the id under the SHA-256 digest of the secret key', () => {
    expect(identityHash(secretKey, 'cust-42')).toBe(
      'bea98ae991400793b22332c3343a52508ab0168361dc6c140ad76e823271fd2a',
    );
    expect(identityHash(secretKey, 'cust-43')).not.toBe(identityHash(secretKey, 'cust-42'));
    expect(identityHash(`${secretKey.slice(0, -1)}E`, 'cust-42')).not.toBe(
      identityHash(secretKey, 'cust-42'),
    );
  });

  it('refuses what is no secret key or no customer id, naming the argument', () => {
    for (const key of [
      'pk_abcdefghijklmnopqrstuvwx',
      '',
      `${secretKey}x`,
      42 as unknown as string,
    ]) {
      expect(() => identityHash(key, 'cust-42')).toThrow(/identityHash: secretKey must be/);
    }
    for (const id of ['', 'x'.repeat(129), 42 as unknown as string]) {
      expect(() => identityHash(secretKey, id)).toThrow(/identityHash: customerId must be/);
    }
  });

  it.runIf(hasOpenssl())('matches the documented openssl command', () => {
    const script = [
      'KEY=$(printf %s "$VOUCH_SECRET_KEY" | openssl dgst -sha256 -r | cut -c1-64)',
      'printf %s "$CUSTOMER_ID" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -r | cut -c1-64',
    ].join('\n');
    const id = 'Ada Lovelace ✓ 1815';
    const printed = execFileSync('sh', ['-c', script], {
      env: { PATH: process.env.PATH, VOUCH_SECRET_KEY: secretKey, CUSTOMER_ID: id },
    });
    expect(printed.toString().trim()).toBe(identityHash(secretKey, id));
  });
});

describe('verifyIdentity', () => {
  const id = 'cust-42';
  const hex = identityHash(secretKey, id);
  const bytes = Buffer.from(hex, 'hex');

  it('accepts the hash in hex (any case), base64 and base64url, padded or not', () => {
    for (const hash of [
      hex,
      hex.toUpperCase(),
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
    ]) {
      expect(verifyIdentity(site(), { id, hash }), hash).toBe(true);
    }
  });

  it('refuses a missing, wrong, truncated or foreign hash', () => {
    const flipped = (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
    for (const hash of [
      undefined,
      flipped,
      hex.slice(0, 62),
      `${hex}00`,
      identityHash(secretKey, 'cust-43'),
      identityHash(`sk_${'Z'.repeat(40)}`, id),
      Buffer.alloc(32).toString('base64'),
      'not a hash at all',
    ]) {
      expect(verifyIdentity(site(), hash === undefined ? { id } : { id, hash }), hash).toBe(false);
    }
  });

  it('keeps the key out of JSON and logs', () => {
    const holder = site();
    const hash = secretKeyHash(secretKey);
    expect(JSON.stringify(holder)).toBe('{"identityVerification":true}');
    expect(inspect(holder, { depth: 5 })).not.toContain(hash.slice(0, 16));
  });
});

describe('requireIdentity', () => {
  const id = 'cust-7';
  const hash = identityHash(secretKey, id);

  it('says whether the identity is verified, and lets an unverified one pass when the site allows it', () => {
    expect(requireIdentity(site(false), { id, hash })).toBe(true);
    expect(requireIdentity(site(false), { id })).toBe(false);
    expect(requireIdentity(site(false), { id, hash: 'f'.repeat(64) })).toBe(false);
    expect(requireIdentity(site(true), { id, hash })).toBe(true);
  });

  it('refuses an unverified identity with 403 naming the field when the site verifies', () => {
    for (const identity of [{ id }, { id, hash: 'f'.repeat(64) }]) {
      let thrown: unknown;
      try {
        requireIdentity(site(true), identity, 'customer');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiError);
      expect(thrown).toMatchObject({
        status: 403,
        code: 'identity_not_verified',
        issues: [{ path: 'customer.hash' }],
      });
    }
  });
});
