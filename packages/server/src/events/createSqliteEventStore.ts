import type {
  SqliteStep,
  WorkerSqliteConnection,
  WorkerSqliteDialect,
} from '../db/WorkerSqliteDialect.js';
import type { RateLimitPlan } from '../rateLimit/createRateLimiter.js';
import type { EventGroup, EventStore, GroupOutcome } from './EventStore.js';

// One row per statement, run once per event: SQLite steps a one-row insert about as fast
// as its share of a multi-row one, and a single text means a single prepared statement.
const INSERT_EVENT =
  'insert into "events" ("site_id", "id", "type", "at", "visitor", "customer", "data", "received_at") ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("site_id", "id") do nothing';

// With a rate limit, a row is inserted only when its request is within the limit: its
// bucket's total, counted earlier in the same transaction, plus its place offset, at most
// the limit — as RateLimitPlan.verdicts decides from the totals the counting returns. A
// request that is not limited has no bucket. So the whole group is still one message.
const INSERT_EVENT_IF_ALLOWED =
  'insert into "events" ("site_id", "id", "type", "at", "visitor", "customer", "data", "received_at") ' +
  'select ?, ?, ?, ?, ?, ?, ?, ? where ? is null or (' +
  'select "count" from "rate_limits" where "bucket" = ? and "window_start" = ?) + ? <= ? ' +
  'on conflict ("site_id", "id") do nothing';
const COUNT_BUCKET =
  'insert into "rate_limits" ("bucket", "window_start", "count") values (?, ?, ?) ' +
  'on conflict ("bucket", "window_start") do update set "count" = "rate_limits"."count" + "excluded"."count" ' +
  'returning "count"';
const PRUNE_WINDOWS = 'delete from "rate_limits" where "window_start" < ?';

/**
 * Group commit on SQLite: one message to the SQLite thread that begins the transaction,
 * counts the rate-limit buckets, inserts every allowed row and commits, and one back
 * once the commit is durable.
 */
export function createSqliteEventStore(sqlite: WorkerSqliteDialect): EventStore {
  return {
    concurrency: 1,
    write: (group) => sqlite.withConnection((connection) => writeGroup(connection, group)),
  };
}

async function writeGroup(
  connection: WorkerSqliteConnection,
  group: EventGroup,
): Promise<GroupOutcome> {
  const plan = group.rateLimit;
  const steps: SqliteStep[] = [];
  if (plan) {
    steps.push({
      sql: COUNT_BUCKET,
      mode: 'get',
      rows: plan.rows.map(({ bucket, count }) => [bucket, plan.windowStart, count]),
    });
    if (plan.prune) steps.push({ sql: PRUNE_WINDOWS, mode: 'run', rows: [[plan.windowStart]] });
  }
  steps.push({
    sql: plan ? INSERT_EVENT_IF_ALLOWED : INSERT_EVENT,
    mode: 'run',
    rows: rows(group),
  });
  const results = await connection.batch(steps);
  const changes = results.at(-1) ?? [];
  const verdicts = plan ? plan.verdicts(totals(plan, results[0] ?? [])) : [];
  let next = 0;
  const stored = group.requests.map((request) => {
    const flags = request.rows.map(() => changes[next++] === 1);
    const index = request.limitIndex;
    return index !== undefined && verdicts[index]?.allowed === false ? undefined : flags;
  });
  return { verdicts, stored };
}

/** Every row's parameters, in request order; with a plan, each row's limit check too. */
function rows(group: EventGroup): unknown[][] {
  const plan = group.rateLimit;
  const out: unknown[][] = [];
  for (const request of group.requests) {
    const index = request.limitIndex;
    const bucket = plan && index !== undefined ? (plan.buckets[index] ?? null) : null;
    for (const row of request.rows) {
      const values: unknown[] = [
        row.site_id,
        row.id,
        row.type,
        row.at,
        row.visitor,
        row.customer,
        row.data,
        group.receivedAt,
      ];
      if (plan) {
        const offset = index === undefined ? 0 : (plan.offsets[index] ?? 0);
        values.push(bucket, bucket, plan.windowStart, offset, plan.limit);
      }
      out.push(values);
    }
  }
  return out;
}

/** Each bucket's total after counting, from the counting step's returned rows. */
function totals(plan: RateLimitPlan, counted: readonly unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  plan.rows.forEach(({ bucket }, i) => {
    map.set(bucket, Number((counted[i] as { count: number } | undefined)?.count));
  });
  return map;
}
