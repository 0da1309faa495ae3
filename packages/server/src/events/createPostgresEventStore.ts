import type pg from 'pg';
import type { RateLimitVerdict } from '../rateLimit/createRateLimiter.js';
import type { EventGroup, EventStore, GroupOutcome } from './EventStore.js';
import type { EventRow } from './toEventRow.js';

// The rows travel as one array per column, so that the text of each statement is the
// same whatever the group's size and PostgreSQL prepares it once per connection. Rows go
// in in key order: two instances inserting the same ids lock them in the same order.
const ROWS = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $9::text[], $10::int[])
    as e(site_id, id, type, at, visitor, customer, data, bucket, place)`;

const INSERT_EVENTS = `insert into events (site_id, id, type, at, visitor, customer, data, received_at)
  select e.site_id, e.id, e.type, e.at, e.visitor, e.customer, e.data, $8
  from ${ROWS}
  order by e.site_id, e.id
  on conflict (site_id, id) do nothing
  returning site_id, id, null::integer as count`;

// With a rate limit, one statement (one round trip, one implicit transaction) counts the
// buckets and inserts the rows of the requests within the limit. The sub-query in the
// WHERE clause refers to no row, so PostgreSQL runs it once before the first row: every
// bucket is counted (and locked, in bucket order) before any event is written. A request
// is allowed when its bucket's new total plus its place offset is within the limit
// ($11), as RateLimitPlan.verdicts decides from the totals this returns.
const COUNT_AND_INSERT_EVENTS = `with counted as (
  insert into rate_limits as r (bucket, window_start, count)
  select u.bucket, $12, u.count from unnest($13::text[], $14::int[]) as u(bucket, count)
  on conflict (bucket, window_start) do update set count = r.count + excluded.count
  returning bucket, count
), stored as (
  insert into events (site_id, id, type, at, visitor, customer, data, received_at)
  select e.site_id, e.id, e.type, e.at, e.visitor, e.customer, e.data, $8
  from ${ROWS}
  left join counted c on c.bucket = e.bucket
  where (select count(*) from counted) >= 0
    and (e.bucket is null or c.count + e.place <= $11)
  order by e.site_id, e.id
  on conflict (site_id, id) do nothing
  returning site_id, id
)
select site_id, id, null::integer as count from stored
union all
select bucket, null, count from counted`;

const PRUNE_WINDOWS = 'delete from rate_limits where window_start < $1';

/** `site_id, id` of a stored row, or `bucket, null, count` of a counted bucket. */
interface ResultRow {
  site_id: string;
  id: string | null;
  count: number | null;
}

/**
 * Group commit on PostgreSQL: one statement per group, so one round trip, prepared once
 * per connection. Several groups may be in flight on the pool's connections, and
 * PostgreSQL flushes their commits to disk together.
 */
export function createPostgresEventStore(pool: pg.Pool, concurrency: number): EventStore {
  return { concurrency, write: (group) => writeGroup(pool, group) };
}

async function writeGroup(pool: pg.Pool, group: EventGroup): Promise<GroupOutcome> {
  const plan = group.rateLimit;
  const columns: (string | null)[][] = [[], [], [], [], [], [], []];
  // Without a plan these stay empty, and unnest reads them as nulls.
  const buckets: (string | null)[] = [];
  const places: (number | null)[] = [];
  for (const request of group.requests) {
    const index = request.limitIndex;
    for (const row of request.rows) {
      pushRow(columns, row);
      if (!plan) continue;
      buckets.push(index === undefined ? null : (plan.buckets[index] ?? null));
      places.push(index === undefined ? null : (plan.offsets[index] ?? null));
    }
  }
  const values: unknown[] = [...columns, group.receivedAt, buckets, places];
  let result: pg.QueryResult<ResultRow>;
  if (plan) {
    if (plan.prune) await pool.query(PRUNE_WINDOWS, [plan.windowStart]);
    values.push(
      plan.limit,
      plan.windowStart,
      plan.rows.map((r) => r.bucket),
      plan.rows.map((r) => r.count),
    );
    result = await pool.query({
      name: 'vouch_count_and_insert_events',
      text: COUNT_AND_INSERT_EVENTS,
      values,
    });
  } else {
    result = await pool.query({ name: 'vouch_insert_events', text: INSERT_EVENTS, values });
  }

  const totals = new Map<string, number>();
  const inserted = new Set<string>();
  for (const row of result.rows) {
    if (row.id === null) totals.set(row.site_id, Number(row.count));
    else inserted.add(`${row.site_id} ${row.id}`);
  }
  const verdicts: RateLimitVerdict[] = plan ? plan.verdicts(totals) : [];
  // An id sent twice in one group is stored once: the first request to carry it is told
  // it stored it, the others that it was already there.
  const stored = group.requests.map((request) => {
    const index = request.limitIndex;
    if (index !== undefined && verdicts[index]?.allowed === false) return undefined;
    return request.rows.map((row) => inserted.delete(`${row.site_id} ${row.id}`));
  });
  return { verdicts, stored };
}

function pushRow(columns: (string | null)[][], row: EventRow): void {
  columns[0]?.push(row.site_id);
  columns[1]?.push(row.id);
  columns[2]?.push(row.type);
  columns[3]?.push(row.at);
  columns[4]?.push(row.visitor);
  columns[5]?.push(row.customer);
  columns[6]?.push(row.data);
}
