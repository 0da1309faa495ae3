import type { VouchEvent } from '@vouch/core/schemas';
import type { EventsTable } from '../db/schema.js';

/** `Date.prototype.toISOString` output: a time in UTC to the millisecond. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An event as stored, but for `received_at`, which a whole commit shares. */
export type EventRow = Omit<EventsTable, 'received_at'>;

/**
 * A validated event as a row: the fields every event has in columns, the rest of its
 * type's fields as JSON, times normalised to UTC so that they sort.
 */
export function toEventRow(siteId: string, event: VouchEvent): EventRow {
  const { id, type, at, visitor, customer, ...data } = event;
  return {
    site_id: siteId,
    id,
    type,
    // What clients send is already in this form; parsing it again would change nothing.
    at: CANONICAL_TIME.test(at) ? at : new Date(at).toISOString(),
    visitor: visitor ?? null,
    customer: customer ?? null,
    data: JSON.stringify(data),
  };
}
