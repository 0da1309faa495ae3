import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from './AppEnv.js';

/**
 * Answers `value` as JSON with `Cache-Control` and a strong ETag of the bytes, or 304
 * without a body when `If-None-Match` names that ETag (the weak comparison: `W/"x"`
 * matches `"x"`), so a page that reloads a list it has pays for headers only.
 */
export function jsonWithEtag(c: Context<AppEnv>, value: unknown, cacheControl: string): Response {
  const text = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 27)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304);
  }
  return c.body(text, 200, { 'content-type': 'application/json' });
}
