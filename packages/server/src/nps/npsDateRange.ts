import { startOfDate } from './zonedTime.js';

/** A range of days in a zone, as the admin routes take it; either end may be open. */
export interface NpsDateRange {
  from?: string | undefined;
  to?: string | undefined;
  tz: string;
}

/** ISO instants bounding `range`: `at >= from` and `at < before`, each absent when open. */
export function rangeBounds(range: NpsDateRange): { from?: string; before?: string } {
  const bounds: { from?: string; before?: string } = {};
  if (range.from) bounds.from = new Date(startOfDate(range.from, range.tz)).toISOString();
  if (range.to) {
    const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
    bounds.before = new Date(startOfDate(next.toISOString().slice(0, 10), range.tz)).toISOString();
  }
  return bounds;
}
