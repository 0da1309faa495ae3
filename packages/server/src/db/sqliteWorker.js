// @ts-check
// The SQLite connection of one database, in its own thread. better-sqlite3 is
// synchronous: on the main thread every commit would stop the HTTP event loop until
// the disk confirmed the write (synchronous=FULL). Here only this thread waits, and the
// server goes on reading requests, which the next group commit then carries.
//
// Plain JavaScript, so that Node runs it as it is, from the sources in tests and from
// the build in production.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string, busyTimeout: number, statementCache: number }} */
const { file, busyTimeout, statementCache } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

/** @param {unknown} error */
function describe(error) {
  const { message, code } = /** @type {{ message?: unknown, code?: unknown }} */ (error ?? {});
  return { message: String(message ?? error), code: typeof code === 'string' ? code : undefined };
}

/** @type {import('better-sqlite3').Database} */
let db;
try {
  db = new Database(file);
  // WAL lets readers run beside the writer; FULL makes each commit durable before it
  // returns, which the API promises before it answers.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${Number(busyTimeout)}`);
  db.pragma('foreign_keys = ON');
  // Checkpoint every 10,000 pages (about 40 MB of WAL) rather than 1,000. Event ids
  // are random, so each commit dirties index pages all over the file; a longer interval
  // copies a page rewritten by many commits back to the database once, not many times.
  db.pragma('wal_autocheckpoint = 10000');
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: describe(error) });
  port.close();
  throw error;
}

// Kysely sends the same SQL again and again; preparing costs as much as running it.
/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();

/** @param {string} sql */
function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (statements.size >= statementCache) {
      const oldest = statements.keys().next().value;
      if (oldest !== undefined) statements.delete(oldest);
    }
  }
  statements.set(sql, statement);
  return statement;
}

/** @typedef {{ sql: string, rows: unknown[][], mode: 'run' | 'get' }} Step */

// A batch is one message for a transaction that would otherwise cost a round trip per
// statement: each step runs one statement once per parameter row ('run' answers the rows
// it changed, 'get' the row it returned), all in one immediate transaction, committed
// before the answer. A failure rolls it back here, so the main thread never has to send
// a second message to clean up.
/** @param {Step[]} steps */
function runBatch(steps) {
  db.exec('begin immediate');
  try {
    const results = steps.map((step) => {
      const statement = prepare(step.sql);
      return step.mode === 'get'
        ? step.rows.map((row) => statement.get(row))
        : step.rows.map((row) => statement.run(row).changes);
    });
    db.exec('commit');
    return results;
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    throw error;
  }
}

port.on(
  'message',
  (/** @type {{ id: number, sql?: string, parameters?: unknown[], batch?: Step[] }} */ message) => {
    if (message.batch) {
      try {
        port.postMessage({ id: message.id, results: runBatch(message.batch) });
      } catch (error) {
        port.postMessage({ id: message.id, error: describe(error) });
      }
      return;
    }
    if (message.sql === undefined) {
      statements.clear();
      db.close();
      port.close();
      return;
    }
    try {
      const statement = prepare(message.sql);
      const parameters = message.parameters ?? [];
      if (statement.reader) {
        port.postMessage({ id: message.id, rows: statement.all(parameters) });
      } else {
        const { changes, lastInsertRowid } = statement.run(parameters);
        port.postMessage({ id: message.id, changes, lastInsertRowid: Number(lastInsertRowid) });
      }
    } catch (error) {
      port.postMessage({ id: message.id, error: describe(error) });
    }
  },
);
