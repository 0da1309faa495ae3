import { engineOf } from '../db/databaseEngine.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createPostgresEventStore } from './createPostgresEventStore.js';
import { createSqliteEventStore } from './createSqliteEventStore.js';
import type { EventStore } from './EventStore.js';

/**
 * Groups in flight at once on PostgreSQL. One would leave the server idle through each
 * round trip; a few let the next group be written while one waits on the disk.
 */
const POSTGRES_CONCURRENCY = 2;

/** The events' group-commit writer for the engine under `database`. */
export function createEventStore(database: VouchDatabase): EventStore {
  const engine = engineOf(database);
  return engine.dialect === 'sqlite'
    ? createSqliteEventStore(engine.sqlite)
    : createPostgresEventStore(engine.pool, POSTGRES_CONCURRENCY);
}
