import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { importCoupons } from './importCoupons.js';
import { issueCoupon } from './issueCoupon.js';
import { listCouponPools } from './listCouponPools.js';

describeDatabases('importCoupons', (harness) => {
  let database: VouchDatabase;
  let siteId: string;
  beforeAll(async () => {
    database = await harness.open();
    siteId = (await createSite(database, { name: 'Imports', origins: [] })).site.id;
  });

  const file = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `C-${String(from + i).padStart(5, '0')}`).join('\n');

  it('imports each code once when two instances import overlapping files at once', async () => {
    const [a, b] = [harness.connect(), harness.connect()];
    // 1200 codes each, 600 in common: several statements per import, racing.
    // The second file lists its codes backwards: the imports still do not deadlock.
    const backwards = file(600, 1200).split('\n').reverse().join('\n');
    const [first, second] = await Promise.all([
      importCoupons(a, siteId, 'race', file(0, 1200)),
      importCoupons(b, siteId, 'race', backwards),
    ]);
    expect(first.imported + second.imported).toBe(1800);
    expect(first.duplicates + second.duplicates).toBe(600);
    expect(first.problems.length + second.problems.length).toBe(600);
    const [pool] = await listCouponPools(database.db, siteId);
    expect(pool).toEqual({ pool: 'race', total: 1800, issued: 0, left: 1800 });
  });

  it('hands codes out in file order, whatever order they were stored in', async () => {
    await importCoupons(database, siteId, 'ordered', 'ZULU-1\nALPHA-1\nMIKE-1\n');
    await importCoupons(database, siteId, 'ordered', 'AAA-2\n');
    const issued = [];
    for (const holder of ['a', 'b', 'c', 'd']) {
      issued.push(await issueCoupon(database.db, siteId, { pool: 'ordered' }, holder));
    }
    expect(issued).toEqual(['ZULU-1', 'ALPHA-1', 'MIKE-1', 'AAA-2']);
  });

  it('lists the first 1000 problems and counts them all', async () => {
    const bad = Array.from({ length: 1500 }, (_, i) => `bad code ${i}`).join('\n');
    const result = await importCoupons(database, siteId, 'many-bad', `OK-1\n${bad}\n`);
    expect(result).toMatchObject({ imported: 1, invalid: 1500, duplicates: 0 });
    expect(result.problems).toHaveLength(1000);
    expect(result.problems[0]).toMatchObject({ line: 2, code: 'bad code 0' });
  });

  it('imports nothing when the database refuses part of the file', async () => {
    await expect(
      importCoupons(database, 'site_missing', 'orphans', file(0, 700)),
    ).rejects.toThrow();
    const rows = await database.db
      .selectFrom('coupons')
      .select('code')
      .where('pool', '=', 'orphans')
      .execute();
    expect(rows).toEqual([]);
  });
});
