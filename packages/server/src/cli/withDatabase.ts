import { databaseOptionsFromEnv } from '../db/databaseOptionsFromEnv.js';
import { migrate } from '../db/migrate.js';
import { openDatabase, type VouchDatabase } from '../db/openDatabase.js';
import type { CliIo } from './CliIo.js';

/**
 * Opens the database the environment names, brings its schema up to date (a fresh
 * install may run `sites create` before `start`), runs `use`, and closes it.
 */
export async function withDatabase<T>(
  io: CliIo,
  use: (database: VouchDatabase, applied: string[]) => Promise<T>,
): Promise<T> {
  const database = openDatabase(databaseOptionsFromEnv(io.env, io.cwd));
  try {
    const { applied } = await migrate(database);
    return await use(database, applied);
  } finally {
    await database.close();
  }
}
