import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { VouchDatabase } from './openDatabase.js';
import type { VouchTables } from './schema.js';
import type { WorkerSqliteDialect } from './WorkerSqliteDialect.js';

/**
 * What is beneath a database's query layer, for the one hot path that goes under it
 * (the events' group commit): the SQLite thread's dialect, or the PostgreSQL pool.
 */
export type DatabaseEngine =
  | { dialect: 'sqlite'; sqlite: WorkerSqliteDialect }
  | { dialect: 'postgres'; pool: pg.Pool };

// Keyed by the query layer rather than the VouchDatabase object, so that a copy of that
// object still finds its engine, and kept out of the public VouchDatabase type.
const engines = new WeakMap<Kysely<VouchTables>, DatabaseEngine>();

/** Called by `openDatabase` for each database it opens. */
export function registerEngine(db: Kysely<VouchTables>, engine: DatabaseEngine): void {
  engines.set(db, engine);
}

/** The engine of a database that `openDatabase` opened. */
export function engineOf(database: VouchDatabase): DatabaseEngine {
  const engine = engines.get(database.db);
  if (!engine) throw new Error('this database was not opened by openDatabase');
  return engine;
}
