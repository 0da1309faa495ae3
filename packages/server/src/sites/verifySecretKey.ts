import { timingSafeEqual } from 'node:crypto';
import type { VouchDatabase } from '../db/openDatabase.js';
import { siteOrigins } from './findSiteByPublicKey.js';
import { type Site, siteColumns, toSite } from './Site.js';
import { secretKeyHash } from './secretKeyHash.js';

/** What a secret key looks like: `sk_` and 40 base62 characters. */
export const SECRET_KEY = /^sk_[A-Za-z0-9]{40}$/;

/**
 * The site whose secret key this is, or undefined. Looks the site up by the key's hash
 * and compares the hashes in constant time, so neither step reveals how much of a
 * guessed key was right.
 */
export async function verifySecretKey(
  database: VouchDatabase,
  secretKey: string,
): Promise<Site | undefined> {
  if (!SECRET_KEY.test(secretKey)) return undefined;
  const hash = secretKeyHash(secretKey);
  const row = await database.db
    .selectFrom('sites')
    .select(siteColumns)
    .where('secret_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored = Buffer.from(row.secret_hash, 'hex');
  const given = Buffer.from(hash, 'hex');
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return undefined;
  return toSite(row, await siteOrigins(database, row.id));
}
