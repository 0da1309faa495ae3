import { type Kysely, PostgresAdapter } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/**
 * Whether `db` talks to PostgreSQL, where concurrent transactions need row locks
 * (`FOR UPDATE`). SQLite runs one write transaction at a time (they begin `IMMEDIATE`),
 * so it has no such clause and needs none.
 */
export function isPostgres(db: Kysely<VouchTables>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
