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
  #driver: WorkerSqliteDriver | undefined;

  constructor(options: WorkerSqliteOptions) {
    this.#options = options;
  }

  createDriver(): Driver {
    this.#driver = new WorkerSqliteDriver(this.#options);
    return this.#driver;
  }

  /**
   * Runs `work` on the connection, taking its turn with Kysely's queries, for work that
   * sends batches (see {@link WorkerSqliteConnection.batch}).
   */
  async withConnection<T>(work: (connection: WorkerSqliteConnection) => Promise<T>): Promise<T> {
    const driver = this.#driver;
    if (!driver) throw new Error('the SQLite connection is not open');
    await driver.init();
    const connection = await driver.acquireConnection();
    try {
      return await work(connection);
    } finally {
      await driver.releaseConnection();
    }
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

/**
 * One statement run once per parameter row: `run` answers how many rows each run
 * changed, `get` the row each returned (undefined when none).
 */
export interface SqliteStep {
  sql: string;
  rows: readonly (readonly unknown[])[];
  mode: 'run' | 'get';
}

type Reply =
  | { id: number; rows: unknown[] }
  | { id: number; changes: number; lastInsertRowid: number }
  | { id: number; results: unknown[][] }
  | { id: number; error: { message: string; code?: string } };

type Request =
  | { id: number; sql: string; parameters: readonly unknown[] }
  | { id: number; batch: readonly SqliteStep[] };

class WorkerSqliteDriver implements Driver {
  readonly #options: WorkerSqliteOptions;
  readonly #pending = new Map<number, { resolve(reply: Reply): void; reject(e: Error): void }>();
  #worker: Worker | undefined;
  #stopped: Error | undefined;
  #nextId = 1;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;
  #ready: Promise<void> | undefined;

  constructor(options: WorkerSqliteOptions) {
    this.#options = options;
  }

  /** Starts the worker once, whether Kysely or a batch asks first; a failure may be retried. */
  init(): Promise<void> {
    this.#ready ??= this.#start().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  async #start(): Promise<void> {
    const worker = new Worker(new URL('./sqliteWorker.js', import.meta.url), {
      workerData: {
        file: this.#options.file,
        busyTimeout: this.#options.busyTimeout,
        statementCache: this.#options.statementCache ?? 256,
      },
    });
    this.#worker = worker;
    await new Promise<void>((resolve, reject) => {
      const refuse = (reason: string | undefined) =>
        reject(new Error(`cannot open ${this.#options.file}: ${reason || 'unknown error'}`));
      worker.once('message', (message: { ready: boolean; error?: { message: string } }) => {
        if (message.ready) resolve();
        else refuse(message.error?.message);
      });
      // The worker reports a failure to open, then ends with that error; on a busy machine
      // the ending may arrive first, and its error may have lost its message on the way.
      worker.once('error', (error) => refuse(error?.message));
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

  /** Sends one statement, or one batch, to the worker and waits for its answer. */
  send(request: Omit<Request, 'id'>): Promise<Reply> {
    const worker = this.#worker;
    if (this.#stopped || !worker) {
      return Promise.reject(this.#stopped ?? new Error('the SQLite connection is not open'));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  async acquireConnection(): Promise<WorkerSqliteConnection> {
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

/** The connection Kysely hands out for this dialect, which can also run batches. */
export class WorkerSqliteConnection implements DatabaseConnection {
  readonly #driver: WorkerSqliteDriver;

  constructor(driver: WorkerSqliteDriver) {
    this.#driver = driver;
  }

  /**
   * Runs `steps` in one immediate transaction in the SQLite thread, for a hot path that
   * would otherwise pay a round trip per statement: one message there, and one back once
   * the commit is durable. Answers each step's results, in order. A failure rolls the
   * whole transaction back.
   */
  async batch(steps: readonly SqliteStep[]): Promise<unknown[][]> {
    const reply = await this.#driver.send({ batch: steps });
    if ('error' in reply) throw sqliteError(reply.error);
    if (!('results' in reply)) throw new Error('the SQLite thread answered a batch wrongly');
    return reply.results;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.#driver.send({ sql: query.sql, parameters: query.parameters });
    if ('error' in reply) throw sqliteError(reply.error);
    if ('rows' in reply) return { rows: reply.rows as R[] };
    if ('results' in reply) throw new Error('the SQLite thread answered a statement wrongly');
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

function sqliteError(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), { name: 'SqliteError', code: error.code });
}
