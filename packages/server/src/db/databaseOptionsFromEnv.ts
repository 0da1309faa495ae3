import { isAbsolute, resolve } from 'node:path';
import type { OpenDatabaseOptions } from './openDatabase.js';

/**
 * The database the environment names, as the `vouch-server` command reads it:
 * `DATABASE_URL` (postgres://…) first, else the SQLite file `VOUCH_DB`, else
 * `.vouch/vouch.db`, relative paths taken from `cwd`.
 */
export function databaseOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): OpenDatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const file = env.VOUCH_DB || '.vouch/vouch.db';
  return { file: file === ':memory:' || isAbsolute(file) ? file : resolve(cwd, file) };
}
