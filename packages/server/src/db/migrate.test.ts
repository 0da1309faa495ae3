import { type Kysely, Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { findSiteByPublicKey } from '../sites/findSiteByPublicKey.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { migrate } from './migrate.js';
import { createMigrationProvider } from './migrations/index.js';

const all = Object.keys(await createMigrationProvider().getMigrations());

describeDatabases('migrate', (harness) => {
  it('creates every table once and applies nothing the second time', async () => {
    const database = harness.connect(await harness.createDatabase());
    expect(await migrate(database)).toEqual({ applied: all });
    expect(all.slice(0, 2)).toEqual(['0001_init', '0002_referral_program']);
    expect(await migrate(database)).toEqual({ applied: [] });
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    // Each migration's tables; later migrations add theirs.
    expect(tables).toEqual(
      expect.arrayContaining(['coupons', 'events', 'rate_limits', 'site_origins', 'sites']),
    );
  });

  it('leaves the NPS prompt off for sites made before their rules were stored', async () => {
    const database = harness.connect(await harness.createDatabase());
    const migrator = new Migrator({ db: database.db, provider: createMigrationProvider() });
    expect((await migrator.migrateTo('0004_nps')).error).toBeUndefined();
    const publicKey = 'pk_before0005rules00000000';
    await (database.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('sites')
      .values({
        id: 'site_before',
        name: 'Older shop',
        public_key: publicKey,
        secret_hash: 'f'.repeat(64),
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    expect((await migrate(database)).applied).toContain('0005_nps_rules');
    expect(await findSiteByPublicKey(database, publicKey)).toMatchObject({ npsRules: null });

    // Stored rules that no longer validate count as none: the prompt stays off.
    for (const [stored, expected] of [
      ['{"delayMs":5000}', { delayMs: 5000 }],
      ['{"delayMs":-5}', null],
      ['{"delay":5000}', null],
      ['not json', null],
    ] as const) {
      await database.db
        .updateTable('sites')
        .set({ nps_rules: stored })
        .where('id', '=', 'site_before')
        .execute();
      expect((await findSiteByPublicKey(database, publicKey))?.npsRules).toEqual(expected);
    }
  });

  // On SQLite the same guarantee is across processes (one thread cannot wait for itself);
  // the CLI test starts two `migrate` processes on one file.
  if (harness.dialect === 'postgres') {
    it('is safe when several servers migrate one database at the same moment', async () => {
      const options = await harness.createDatabase();
      const servers = [1, 2, 3, 4].map(() => harness.connect(options));
      const reports = await Promise.all(servers.map((s) => migrate(s)));
      // Exactly one of them applied the migrations; the others found nothing to do.
      expect(reports.flatMap((r) => r.applied)).toEqual(all);
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        harness.connect(options).db,
      );
      expect(Number(rows[0]?.n)).toBe(all.length);
    });
  }
});
