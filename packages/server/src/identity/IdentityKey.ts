import { createHmac } from 'node:crypto';

/**
 * The key a site's identity hashes are made with: the SHA-256 digest of its secret key,
 * which is all the database keeps of that key (see {@link identityHash}). Held privately
 * so that it never shows in JSON, logs or `console.log` of a site.
 */
export class IdentityKey {
  readonly #key: Buffer;

  /** @param secretHash the hex SHA-256 of the site's secret key, as `sites.secret_hash`. */
  constructor(secretHash: string) {
    this.#key = Buffer.from(secretHash, 'hex');
  }

  /** HMAC-SHA256 of `message` (UTF-8) under this key. */
  sign(message: string): Buffer {
    return createHmac('sha256', this.#key).update(message, 'utf8').digest();
  }

  /** Left out of JSON: a property whose `toJSON` answers undefined is not written. */
  toJSON(): undefined {
    return undefined;
  }
}
