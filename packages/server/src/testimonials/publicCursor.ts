import { ApiError } from '../http/ApiError.js';

/** Where a public page ended, in its sort order: the last item's rating, time and id. */
export interface PublicCursor {
  sort: 'newest' | 'highest';
  rating: number;
  createdAt: string;
  id: string;
}

/** The opaque cursor of the next page: base64url of `[sort, rating, createdAt, id]`. */
export function encodePublicCursor(cursor: PublicCursor): string {
  const value = [cursor.sort, cursor.rating, cursor.createdAt, cursor.id];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Reads a `cursor`; one no page gave out, or one of another sort order, is 400 naming
 * `cursor` (a page cannot continue a list it did not start).
 */
export function decodePublicCursor(
  text: string | undefined,
  sort: PublicCursor['sort'],
): PublicCursor | null {
  if (text === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      value[0] === sort &&
      Number.isInteger(value[1]) &&
      typeof value[2] === 'string' &&
      typeof value[3] === 'string'
    ) {
      return { sort, rating: value[1], createdAt: value[2], id: value[3] };
    }
  } catch {}
  throw new ApiError(400, 'invalid_request', 'The cursor is not one this list gave out.', {
    issues: [
      { path: 'cursor', message: `must be the nextCursor of a previous page sorted ${sort}` },
    ],
  });
}
