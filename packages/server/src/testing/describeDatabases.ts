import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrate } from '../db/migrate.js';
import {
  type DialectName,
  type OpenDatabaseOptions,
  openDatabase,
  type VouchDatabase,
} from '../db/openDatabase.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** An admin URL of a PostgreSQL server for tests, or '' when none is available. */
    postgresUrl: string;
  }
}

/** A test file's own database on one engine. */
export interface DatabaseHarness {
  dialect: DialectName;
  /** How to open this file's database (also from a child process). Set before tests run. */
  readonly options: OpenDatabaseOptions;
  /** A new, migrated connection to this file's database, closed after the file's tests. */
  open(): Promise<VouchDatabase>;
  /** A new connection that is not migrated, to any database of this harness. */
  connect(options?: OpenDatabaseOptions): VouchDatabase;
  /** Another empty database on the same engine, dropped after the file's tests. */
  createDatabase(): Promise<OpenDatabaseOptions>;
}

const POSTGRES_MISSING =
  'PostgreSQL not found: install it (apt-get install -y postgresql) or set VOUCH_TEST_DATABASE_URL';

/**
 * Runs the same suite on SQLite (a temporary file) and on PostgreSQL (a fresh database
 * created for this file). Without PostgreSQL the second run is skipped with a title that
 * says how to get it.
 */
export function describeDatabases(title: string, body: (harness: DatabaseHarness) => void) {
  describe(`${title} [sqlite]`, () => body(createHarness('sqlite')));
  const adminUrl = inject('postgresUrl');
  if (adminUrl) describe(`${title} [postgres]`, () => body(createHarness('postgres', adminUrl)));
  else describe.skip(`${title} [postgres] (${POSTGRES_MISSING})`, () => {});
}

function createHarness(dialect: DialectName, adminUrl = ''): DatabaseHarness {
  const connections: VouchDatabase[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  let main: OpenDatabaseOptions | undefined;

  async function createDatabase(): Promise<OpenDatabaseOptions> {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'vouch-server-test-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { file: join(dir, 'vouch.db') };
    }
    const name = `vouch_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    cleanups.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString() };
  }

  function connect(options: OpenDatabaseOptions = harness.options): VouchDatabase {
    const database = openDatabase({ ...options, poolSize: 4 });
    connections.push(database);
    return database;
  }

  const harness: DatabaseHarness = {
    dialect,
    get options() {
      if (!main) throw new Error('the database is created in beforeAll; use it inside a test');
      return main;
    },
    async open() {
      const database = connect();
      await migrate(database);
      return database;
    },
    connect,
    createDatabase,
  };

  beforeAll(async () => {
    main = await createDatabase();
  });
  afterAll(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return harness;
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
