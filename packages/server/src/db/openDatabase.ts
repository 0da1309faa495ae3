import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { registerEngine } from './databaseEngine.js';
import type { VouchTables } from './schema.js';
import { WorkerSqliteDialect } from './WorkerSqliteDialect.js';

/** Which database engine a {@link VouchDatabase} talks to. */
export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely query layer, which engine is behind it, and how to close it. */
export interface VouchDatabase {
  /** The query layer. Write portable queries: every feature runs on both engines. */
  db: Kysely<VouchTables>;
  dialect: DialectName;
  /** Where the data is, without a password: a file path or `postgres://host:port/name`. */
  label: string;
  /** Closes the connection(s); pending queries finish first. */
  close(): Promise<void>;
}

/** Where to open. */
export interface OpenDatabaseOptions {
  /**
   * A `postgres://` (or `postgresql://`) URL selects PostgreSQL; when given it wins over
   * `file`.
   */
  url?: string | undefined;
  /**
   * The SQLite file, created with its folder when missing; `:memory:` for a database that
   * lives as long as the process.
   * @default '.vouch/vouch.db' in the working directory
   */
  file?: string | undefined;
  /**
   * Most PostgreSQL connections this process keeps.
   * @default 10
   */
  poolSize?: number;
}

/** Milliseconds a SQLite write waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database: a pool of connections to PostgreSQL, or one SQLite connection in
 * a worker thread (WAL, `synchronous=FULL`, `busy_timeout`, foreign keys on). Connects on
 * the first query, so a file that cannot be opened fails there. Does not migrate: call
 * {@link migrate} (the server's `start` command does) before using it.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): VouchDatabase {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openSqlite(options.file ?? '.vouch/vouch.db');
}

function openPostgres(url: string, poolSize: number): VouchDatabase {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('database url must be a postgres:// URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TypeError(`database url must be a postgres:// URL, not ${parsed.protocol}//…`);
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection emits on the pool; unhandled, that would
  // end the process. The next query gets a fresh connection.
  pool.on('error', () => {});
  const db = new Kysely<VouchTables>({ dialect: new PostgresDialect({ pool }) });
  registerEngine(db, { dialect: 'postgres', pool });
  return {
    db,
    dialect: 'postgres',
    label: `${parsed.protocol}//${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

function openSqlite(file: string): VouchDatabase {
  const memory = file === ':memory:';
  const path = memory ? file : resolve(file);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const dialect = new WorkerSqliteDialect({ file: path, busyTimeout: SQLITE_BUSY_TIMEOUT_MS });
  const db = new Kysely<VouchTables>({ dialect });
  registerEngine(db, { dialect: 'sqlite', sqlite: dialect });
  return { db, dialect: 'sqlite', label: path, close: () => db.destroy() };
}
