import { ApiError } from '../http/ApiError.js';

/** Where a page of an admin list ends: the last item's time and id. */
export interface AdminCursor {
  createdAt: string;
  id: string;
}

/** The opaque `next` of a page: base64url of `[createdAt, id]`. */
export function encodeCursor(cursor: AdminCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** Reads a `cursor` query parameter; one that no page gave out is 400 naming `cursor`. */
export function decodeCursor(text: string | undefined): AdminCursor | null {
  if (text === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {}
  throw new ApiError(400, 'invalid_request', 'The cursor is not one this list gave out.', {
    issues: [{ path: 'cursor', message: 'must be the `next` of a previous page, unchanged' }],
  });
}

/** Default page size of admin lists. */
export const DEFAULT_PAGE = 50;

/** Splits `limit + 1` rows into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => AdminCursor,
  toItem: (row: Row) => Item,
): { items: Item[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    next: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
