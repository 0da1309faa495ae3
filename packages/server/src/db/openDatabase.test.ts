import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type VouchDatabase } from './openDatabase.js';

describe('openDatabase', () => {
  const opened: VouchDatabase[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tempDir() {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-open-'));
    dirs.push(dir);
    return dir;
  }

  it('creates the SQLite file and its folder, durable and with foreign keys on', async () => {
    const file = join(tempDir(), 'nested', 'data', 'vouch.db');
    const database = openDatabase({ file });
    opened.push(database);
    expect(database.dialect).toBe('sqlite');
    expect(database.label).toBe(file);
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('wal_autocheckpoint')).toBe(10000);
    expect(existsSync(file)).toBe(true);
  });

  it('fails the first query with the reason when the file cannot be opened', async () => {
    const file = join(tempDir(), 'a-folder');
    mkdirSync(file);
    const database = openDatabase({ file });
    opened.push(database);
    await expect(sql`select 1`.execute(database.db)).rejects.toThrow(/cannot open/);
  });

  it('selects PostgreSQL for a postgres:// URL, and names it without the password', async () => {
    const database = openDatabase({ url: 'postgres://ada:hunter2@db.internal:6543/shop' });
    opened.push(database);
    expect(database.dialect).toBe('postgres');
    expect(database.label).toBe('postgres://db.internal:6543/shop');
  });

  it('refuses a URL of another kind', () => {
    expect(() => openDatabase({ url: 'mysql://db/shop' })).toThrow(/postgres:\/\//);
    expect(() => openDatabase({ url: 'not a url' })).toThrow(/postgres:\/\//);
  });
});
