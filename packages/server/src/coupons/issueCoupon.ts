import { setTimeout as sleep } from 'node:timers/promises';
import type { CouponSource } from '@vouch/core/schemas';
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/** How long a PostgreSQL claim waits for codes that other transactions hold locked. */
const LOCKED_WAIT_MS = 5000;

/**
 * The coupon for `holder` from `source`: a fixed code as it is; from a pool, the code
 * `holder` already has, else the next free one, taken for it. Null when the pool has no
 * free code left (or does not exist).
 *
 * `holder` names who the code is for, as the caller chooses (a reward id, a visitor's
 * claim on a code): the same holder asking the same pool again gets the same code, and
 * no two holders ever get one code — also with several servers on one PostgreSQL
 * database, where a claim locks the code it takes (`FOR UPDATE SKIP LOCKED`) and claims
 * for one holder queue on an advisory lock; on SQLite the claim is one immediate
 * (single-writer) transaction. Given a transaction, the claim is part of it and rolls
 * back with it; given the database, it runs in its own.
 */
export async function issueCoupon(
  db: Kysely<VouchTables> | Transaction<VouchTables>,
  siteId: string,
  source: CouponSource,
  holder: string,
): Promise<string | null> {
  if ('code' in source) return source.code;
  const claim = (trx: Kysely<VouchTables>) => claimFromPool(trx, siteId, source.pool, holder);
  return db.isTransaction ? claim(db) : db.transaction().execute(claim);
}

async function claimFromPool(
  trx: Kysely<VouchTables>,
  siteId: string,
  pool: string,
  holder: string,
): Promise<string | null> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    // Two claims for one holder wait for each other here, so the second sees the
    // first's code instead of taking another (the unique index would refuse it, and a
    // refused statement would abort the caller's transaction).
    await sql`select pg_advisory_xact_lock(hashtextextended(${`coupon:${siteId}:${pool}:${holder}`}, 0))`.execute(
      trx,
    );
  }
  const held = await trx
    .selectFrom('coupons')
    .select('code')
    .where('site_id', '=', siteId)
    .where('pool', '=', pool)
    .where('issued_to', '=', holder)
    .executeTakeFirst();
  if (held) return held.code;

  const deadline = Date.now() + LOCKED_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    let next = freeCodes(trx, siteId, pool).orderBy('imported_at').orderBy('line').limit(1);
    // Concurrent claims each skip the codes the others have locked, rather than all
    // queueing for the same first code.
    if (postgres) next = next.forUpdate().skipLocked();
    const taken = await trx
      .updateTable('coupons')
      .set({ issued_to: holder, issued_at: new Date().toISOString() })
      .where('site_id', '=', siteId)
      .where('code', '=', next)
      .where('issued_to', 'is', null)
      .returning('code')
      .executeTakeFirst();
    if (taken) return taken.code;
    if (!postgres) return null;
    // Nothing unlocked was free. Free codes may still be locked by claims that have not
    // committed yet and may roll back: wait for them before calling the pool empty.
    const free = await freeCodes(trx, siteId, pool).limit(1).executeTakeFirst();
    if (!free || Date.now() > deadline) return null;
    await sleep(Math.min(5 * attempt, 50));
  }
}

function freeCodes(trx: Kysely<VouchTables>, siteId: string, pool: string) {
  return trx
    .selectFrom('coupons')
    .select('code')
    .where('site_id', '=', siteId)
    .where('pool', '=', pool)
    .where('issued_to', 'is', null);
}
