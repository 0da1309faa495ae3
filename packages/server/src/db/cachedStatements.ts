import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite database as Kysely sees it, with prepared statements kept for reuse:
 * Kysely prepares every query anew, and on the events path preparing costs as much as
 * running. Bounded; the least recently prepared statement goes first. Kysely runs one
 * query at a time on its single SQLite connection, so a statement is never used twice
 * at once.
 */
export function cachedStatements(sqlite: Database, size = 256): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= size) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
