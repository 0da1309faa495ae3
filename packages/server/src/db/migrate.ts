import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator } from 'kysely';
import { createMigrationProvider } from './migrations/index.js';
import type { VouchDatabase } from './openDatabase.js';

/** What {@link migrate} did. */
export interface MigrationReport {
  /** Names of the migrations applied now, in order; empty when the database was current. */
  applied: string[];
}

/** SQLite answers "busy" when another process migrates the same file at the same moment. */
const SQLITE_BUSY_ATTEMPTS = 5;

/**
 * Applies every pending migration, each in a transaction. Safe to run again (it applies
 * nothing) and safe when several servers start at once on one PostgreSQL database:
 * Kysely holds an advisory lock while it migrates. On SQLite each migration runs in an
 * immediate transaction, so a second process waits for the first (`busy_timeout`); one
 * that still finds the file busy waits and tries again, then finds nothing left to do.
 */
export async function migrate(database: VouchDatabase): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: createMigrationProvider() });
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) {
      return {
        applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
      };
    }
    if (database.dialect !== 'sqlite' || !isBusy(error) || attempt >= SQLITE_BUSY_ATTEMPTS) {
      const failed = results.find((r) => r.status === 'Error')?.migrationName;
      const which = failed ? `migration ${failed}` : 'migrating';
      throw new Error(`${which} failed: ${describe(error)}`, { cause: error });
    }
    await sleep(50 * attempt);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
