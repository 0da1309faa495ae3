import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Kysely's SQLite dialect with transactions that take the write lock when they begin
 * (`BEGIN IMMEDIATE`). A deferred transaction that reads and then writes fails with
 * SQLITE_BUSY, without waiting, when another process (a second server, the CLI) wrote
 * in between; an immediate one waits its turn under `busy_timeout` instead.
 *
 * SQLite runs schema changes inside transactions too, which Kysely's adapter does not
 * claim: saying so makes the migrator apply each migration in one immediate transaction,
 * so two processes migrating one file take turns instead of racing.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
