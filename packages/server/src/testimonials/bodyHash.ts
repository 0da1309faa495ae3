import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a testimonial's text lowercased, with white space collapsed and
 * trimmed: the same words pasted twice (or with other spacing or case) hash alike, so the
 * duplicate check is one indexed look-up.
 */
export function bodyHash(body: string): string {
  const normalized = body.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
