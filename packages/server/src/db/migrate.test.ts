import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { migrate } from './migrate.js';

describeDatabases('migrate', (harness) => {
  it('creates every table once and applies nothing the second time', async () => {
    const database = harness.connect(await harness.createDatabase());
    expect(await migrate(database)).toEqual({ applied: ['0001_init'] });
    expect(await migrate(database)).toEqual({ applied: [] });
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(['events', 'rate_limits', 'site_origins', 'sites']);
  });

  // On SQLite the same guarantee is across processes (one thread cannot wait for itself);
  // the CLI test starts two `migrate` processes on one file.
  if (harness.dialect === 'postgres') {
    it('is safe when several servers migrate one database at the same moment', async () => {
      const options = await harness.createDatabase();
      const servers = [1, 2, 3, 4].map(() => harness.connect(options));
      const reports = await Promise.all(servers.map((s) => migrate(s)));
      // Exactly one of them applied the migration; the others found nothing to do.
      expect(reports.flatMap((r) => r.applied)).toEqual(['0001_init']);
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        harness.connect(options).db,
      );
      expect(Number(rows[0]?.n)).toBe(1);
    });
  }
});
