import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/** Options of {@link WorkerSqliteDialect}. */
export interface WorkerSqliteOptions {
  /** The database file (or `:memory:`). */
  file: string;
  /** Milliseconds a write waits for another process's lock. */
  busyTimeout: number;
  /** Prepared statements kept for reuse. @default 256 */
  statementCache?: number;
}

/**
 * Kysely over a better-sqlite3 connection that lives in a worker thread
 * (`sqliteWorker.js`), so that no query — above all no durable commit waiting on the
 * disk — ever blocks the HTTP event loop. Queries keep Kysely's single-connection
 * model: one at a time, a transaction holding the connection until it ends.
 *
 * Transactions begin `IMMEDIATE`: a deferred one that reads and then writes fails at
 * once with SQLITE_BUSY when another process (a second server, the CLI) wrote in
 * between, while an immediate one waits its turn under `busy_timeout`. SQLite also runs
 * schema changes inside transactions, which Kysely's adapter does not claim; saying so
 * makes the migrator apply each migration in one immediate transaction, so two processes
 * migrating one file take turns instead of racing.
 */
export class WorkerSqliteDialect implements Dialect {
  readonly #options: WorkerSqliteOptions;

  constructor(options: WorkerSqliteOptions) {
    this.#options = options;
  }

  createDriver(): Driver {
    return new WorkerSqliteDriver(this.#options);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

type Reply =
  | { id: number; rows: unknown[] }
  | { id: number; changes: number; lastInsertRowid: number }
  | { id: number; error: { message: string; code?: string } };

class WorkerSqliteDriver implements Driver {
  readonly #options: WorkerSqliteOptions;
  readonly #pending = new Map<number, { resolve(reply: Reply): void; reject(e: Error): void }>();
  #worker: Worker | undefined;
  #stopped: Error | undefined;
  #nextId = 1;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(options: WorkerSqliteOptions) {
    this.#options = options;
  }

  async init(): Promise<void> {
    const worker = new Worker(new URL('./sqliteWorker.js', import.meta.url), {
      workerData: {
        file: this.#options.file,
        busyTimeout: this.#options.busyTimeout,
        statementCache: this.#options.statementCache ?? 256,
      },
    });
    this.#worker = worker;
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (message: { ready: boolean; error?: { message: string } }) => {
        if (message.ready) resolve();
        else reject(new Error(`cannot open ${this.#options.file}: ${message.error?.message}`));
      });
      worker.once('error', reject);
    });
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      // An idle worker must not keep the process alive; a busy one must.
      if (!this.#pending.size) worker.unref();
      waiting?.resolve(reply);
    });
    const stop = (error: Error) => {
      this.#stopped ??= error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    };
    worker.on('error', (error) => stop(error));
    worker.on('exit', () => stop(new Error('the SQLite connection is closed')));
    worker.unref();
  }

  /** Sends one statement to the worker and waits for its result. */
  run(sql: string, parameters: readonly unknown[]): Promise<Reply> {
    const worker = this.#worker;
    if (this.#stopped || !worker) {
      return Promise.reject(this.#stopped ?? new Error('the SQLite connection is not open'));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) worker.ref();
      worker.postMessage({ id, sql, parameters });
    });
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: callers queue, each released by releaseConnection.
    const previous = this.#queue;
    let release = () => {};
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return new WorkerSqliteConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    const worker = this.#worker;
    if (!worker || this.#stopped) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.ref();
    worker.postMessage({ id: 0 });
    await exited;
  }
}

class WorkerSqliteConnection implements DatabaseConnection {
  readonly #driver: WorkerSqliteDriver;

  constructor(driver: WorkerSqliteDriver) {
    this.#driver = driver;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.#driver.run(query.sql, query.parameters);
    if ('error' in reply) {
      throw Object.assign(new Error(reply.error.message), {
        name: 'SqliteError',
        code: reply.error.code,
      });
    }
    if ('rows' in reply) return { rows: reply.rows as R[] };
    return {
      rows: [],
      numAffectedRows: BigInt(reply.changes),
      insertId: BigInt(reply.lastInsertRowid),
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Rows cross the thread boundary in one message; a stream is that one result.
    yield await this.executeQuery<R>(query);
  }
}
