import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { issueCoupon } from './issueCoupon.js';

describeDatabases('issueCoupon', (harness) => {
  let database: VouchDatabase;
  let siteId: string;
  beforeAll(async () => {
    database = await harness.open();
    siteId = (await createSite(database, { name: 'Coupons', origins: [] })).site.id;
  });

  /** Puts `count` codes `PREFIX-001…` into a pool, in order. */
  async function fill(pool: string, prefix: string, count: number) {
    const importedAt = new Date().toISOString();
    const codes = Array.from(
      { length: count },
      (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`,
    );
    if (count) {
      await database.db
        .insertInto('coupons')
        .values(
          codes.map((code, i) => ({
            site_id: siteId,
            code,
            pool,
            imported_at: importedAt,
            line: i + 1,
          })),
        )
        .execute();
    }
    return codes;
  }

  it('returns a fixed code as it is, to anyone', async () => {
    expect(await issueCoupon(database.db, siteId, { code: 'WELCOME10' }, 'a')).toBe('WELCOME10');
    expect(await issueCoupon(database.db, siteId, { code: 'WELCOME10' }, 'b')).toBe('WELCOME10');
  });

  it('hands out pool codes in upload order, one per holder, the same one when asked again', async () => {
    const codes = await fill('friends', 'FR', 3);
    expect(await issueCoupon(database.db, siteId, { pool: 'friends' }, 'ben')).toBe(codes[0]);
    expect(await issueCoupon(database.db, siteId, { pool: 'friends' }, 'cy')).toBe(codes[1]);
    expect(await issueCoupon(database.db, siteId, { pool: 'friends' }, 'ben')).toBe(codes[0]);
    const row = await database.db
      .selectFrom('coupons')
      .selectAll()
      .where('code', '=', codes[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(row.issued_to).toBe('ben');
    expect(Date.parse(row.issued_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers null when the pool is empty or unknown, and keeps a holder’s code even then', async () => {
    const [only] = await fill('single', 'SG', 1);
    expect(await issueCoupon(database.db, siteId, { pool: 'single' }, 'first')).toBe(only);
    expect(await issueCoupon(database.db, siteId, { pool: 'single' }, 'second')).toBeNull();
    expect(await issueCoupon(database.db, siteId, { pool: 'single' }, 'first')).toBe(only);
    expect(await issueCoupon(database.db, siteId, { pool: 'nothing-here' }, 'x')).toBeNull();
  });

  it("never takes another site's codes", async () => {
    const other = (await createSite(database, { name: 'Other', origins: [] })).site.id;
    await fill('mine', 'MI', 1);
    expect(await issueCoupon(database.db, other, { pool: 'mine' }, 'x')).toBeNull();
  });

  it("is part of the caller's transaction: a rollback gives the code back", async () => {
    const [code] = await fill('rollback', 'RB', 1);
    const failed = database.db.transaction().execute(async (trx) => {
      expect(await issueCoupon(trx, siteId, { pool: 'rollback' }, 'reward-1')).toBe(code);
      throw new Error('the reward could not be written');
    });
    await expect(failed).rejects.toThrow('could not be written');
    expect(await issueCoupon(database.db, siteId, { pool: 'rollback' }, 'reward-2')).toBe(code);
  });

  it('never gives one code to two holders, with many claims on two server instances', async () => {
    const codes = await fill('race', 'RC', 30);
    const instances = [harness.connect(), harness.connect()];
    const claims = Array.from({ length: 48 }, (_, i) =>
      issueCoupon(instances[i % 2]?.db ?? database.db, siteId, { pool: 'race' }, `holder-${i}`),
    );
    const issued = await Promise.all(claims);
    const taken = issued.filter((code): code is string => code !== null);
    expect(taken).toHaveLength(30);
    expect(new Set(taken).size).toBe(30);
    expect([...taken].sort()).toEqual(codes);
    expect(issued.filter((code) => code === null)).toHaveLength(18);
    const rows = await database.db
      .selectFrom('coupons')
      .select(['code', 'issued_to'])
      .where('pool', '=', 'race')
      .execute();
    for (const row of rows) expect(issued[Number(row.issued_to?.split('-')[1])]).toBe(row.code);
  });

  it('gives one holder one code when it asks on two instances at once', async () => {
    await fill('twice', 'TW', 10);
    const instances = [harness.connect(), harness.connect()];
    const issued = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        issueCoupon(instances[i % 2]?.db ?? database.db, siteId, { pool: 'twice' }, 'same-holder'),
      ),
    );
    expect(new Set(issued).size).toBe(1);
    const held = await database.db
      .selectFrom('coupons')
      .select('code')
      .where('pool', '=', 'twice')
      .where('issued_to', 'is not', null)
      .execute();
    expect(held).toEqual([{ code: issued[0] }]);
  });
});
