import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../sites/randomBase62.js';

/** Characters of a withdrawal token: about 190 bits, not guessable. */
const TOKEN_LENGTH = 32;

/** SHA-256 (hex) of a withdrawal token: what the database keeps. */
export function withdrawTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new withdrawal token (`wd_…`) with the hash to store; the token is shown once. */
export function createWithdrawToken(): { token: string; hash: string } {
  const token = `wd_${randomBase62(TOKEN_LENGTH)}`;
  return { token, hash: withdrawTokenHash(token) };
}

/** Whether `token` is the one whose hash was stored, compared in constant time. */
export function matchesWithdrawToken(token: string, storedHash: string): boolean {
  const given = Buffer.from(withdrawTokenHash(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
