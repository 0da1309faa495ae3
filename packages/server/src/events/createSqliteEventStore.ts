import type {
  SqliteStep,
  WorkerSqliteConnection,
  WorkerSqliteDialect,
} from '../db/WorkerSqliteDialect.js';
import type { RateLimitVerdict } from '../rateLimit/createRateLimiter.js';
import type { EventGroup, EventStore, GroupOutcome } from './EventStore.js';

// One row per statement, run once per event: SQLite steps a one-row insert about as fast
// as its share of a multi-row one, and a single text means a single prepared statement.
const INSERT_EVENT =
  'insert into "events" ("site_id", "id", "type", "at", "visitor", "customer", "data", "received_at") ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("site_id", "id") do nothing';
const COUNT_BUCKET =
  'insert into "rate_limits" ("bucket", "window_start", "count") values (?, ?, ?) ' +
  'on conflict ("bucket", "window_start") do update set "count" = "rate_limits"."count" + "excluded"."count" ' +
  'returning "count"';
const PRUNE_WINDOWS = 'delete from "rate_limits" where "window_start" < ?';

/**
 * Group commit on SQLite: one message to the SQLite thread that begins the transaction,
 * inserts every row and commits, and one back once the commit is durable. With a rate
 * limit the counting goes first, in its own message, because which requests may write
 * depends on the totals it returns; the transaction stays open in between.
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
  let verdicts: RateLimitVerdict[] = [];
  try {
    if (plan) {
      const steps: SqliteStep[] = [
        {
          sql: COUNT_BUCKET,
          mode: 'get',
          rows: plan.rows.map(({ bucket, count }) => [bucket, plan.windowStart, count]),
        },
      ];
      if (plan.prune) steps.push({ sql: PRUNE_WINDOWS, mode: 'run', rows: [[plan.windowStart]] });
      const [counted = []] = await connection.batch({ begin: true, steps });
      const totals = new Map<string, number>();
      plan.rows.forEach(({ bucket }, i) => {
        totals.set(bucket, Number((counted[i] as { count: number } | undefined)?.count));
      });
      verdicts = plan.verdicts(totals);
    }
    const allowed = group.requests.map(
      (request) =>
        request.limitIndex === undefined || verdicts[request.limitIndex]?.allowed === true,
    );
    const rows: unknown[][] = [];
    group.requests.forEach((request, i) => {
      if (!allowed[i]) return;
      for (const row of request.rows) {
        rows.push([
          row.site_id,
          row.id,
          row.type,
          row.at,
          row.visitor,
          row.customer,
          row.data,
          group.receivedAt,
        ]);
      }
    });
    const [changes = []] = await connection.batch({
      begin: !plan,
      steps: [{ sql: INSERT_EVENT, mode: 'run', rows }],
      commit: true,
    });
    let next = 0;
    const stored = group.requests.map((request, i) =>
      allowed[i] ? request.rows.map(() => changes[next++] === 1) : undefined,
    );
    return { verdicts, stored };
  } catch (error) {
    // A failed batch has rolled back already; this covers a failure between batches.
    if (plan) await connection.rollback().catch(() => {});
    throw error;
  }
}
