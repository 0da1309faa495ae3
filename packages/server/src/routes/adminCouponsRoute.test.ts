import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCoupon } from '../coupons/issueCoupon.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases(
  'coupon pools: POST /v1/admin/coupons/:pool, GET /v1/admin/coupons',
  (harness) => {
    let database: VouchDatabase;
    let test: TestApp;
    beforeAll(async () => {
      database = await harness.open();
      test = await startTestApp(database, { couponFileLimit: 64 * 1024 });
    });
    afterAll(() => test.close());

    const auth = () => ({ authorization: `Bearer ${test.created.secretKey}` });
    const upload = (pool: string, body: string | Uint8Array, type = 'text/csv', key = auth()) =>
      test.fetch(`/v1/admin/coupons/${pool}`, {
        method: 'POST',
        headers: { ...key, 'content-type': type },
        body,
      });
    const pools = async () =>
      (
        (await (await test.fetch('/v1/admin/coupons', { headers: auth() })).json()) as {
          pools: Array<{ pool: string; total: number; issued: number; left: number }>;
        }
      ).pools;
    const errorOf = async (response: Response) =>
      ((await response.json()) as { error: { code: string; message: string; issues?: unknown } })
        .error;

    it('imports the good lines and reports the bad ones and duplicates by line', async () => {
      const file = [
        'code',
        'FRIEND-001',
        'FRIEND-002',
        'not a code',
        'FRIEND-001',
        '',
        'FRIEND-003',
      ];
      const response = await upload('friends', `${file.join('\n')}\n`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        pool: 'friends',
        total: 3,
        issued: 0,
        left: 3,
        imported: 3,
        invalid: 1,
        duplicates: 1,
        problems: [
          {
            line: 4,
            code: 'not a code',
            problem: 'invalid',
            message: 'must be 3–64 letters, digits, - or _',
          },
          { line: 5, code: 'FRIEND-001', problem: 'duplicate', message: 'repeats line 2' },
        ],
      });
    });

    it('imports nothing twice: codes already in this pool or another are duplicates', async () => {
      const again = await upload('friends', 'FRIEND-003\nFRIEND-004\n');
      expect(await again.json()).toMatchObject({
        imported: 1,
        total: 4,
        duplicates: 1,
        problems: [{ line: 1, code: 'FRIEND-003', message: 'is already in this pool' }],
      });
      const elsewhere = await upload('referrers', 'FRIEND-004\nREF-001\n');
      expect(await elsewhere.json()).toMatchObject({
        pool: 'referrers',
        imported: 1,
        total: 1,
        problems: [{ line: 1, code: 'FRIEND-004', message: 'is already in pool "friends"' }],
      });
    });

    it('counts each pool: total, issued and left', async () => {
      const { site } = test.created;
      await issueCoupon(database.db, site.id, { pool: 'friends' }, 'visitor-1');
      expect(await pools()).toEqual([
        { pool: 'friends', total: 4, issued: 1, left: 3 },
        { pool: 'referrers', total: 1, issued: 0, left: 1 },
      ]);
    });

    it('keeps pools of different sites apart', async () => {
      const other = await createSite(database, { name: 'Other', origins: [] });
      const response = await upload('friends', 'FRIEND-001\n', 'text/csv', {
        authorization: `Bearer ${other.secretKey}`,
      });
      expect(await response.json()).toMatchObject({ imported: 1, duplicates: 0, total: 1 });
      expect((await pools()).find((p) => p.pool === 'friends')?.total).toBe(4);
    });

    it('imports nothing from a file it cannot read, and says why', async () => {
      const before = await pools();
      const cases: Array<[string | Uint8Array, string, number, string, RegExp]> = [
        ['', 'text/csv', 400, 'invalid_csv', /no codes/],
        ['NEW-001\n"NEW-002\n', 'text/csv', 400, 'invalid_csv', /Quote Not Closed/],
        ['NEW-001,10\nNEW-002,10\n', 'text/csv', 400, 'invalid_csv', /line 1: 2 columns/],
        [new Uint8Array([0xc3, 0x28, 0x0a]), 'text/csv', 400, 'invalid_csv', /not UTF-8/],
        ['{"codes":["NEW-001"]}', 'application/json', 415, 'unsupported_media_type', /text\/csv/],
        [`${'NEW-0001\n'.repeat(8000)}`, 'text/csv', 413, 'body_too_large', /65536 bytes/],
      ];
      for (const [body, type, status, code, message] of cases) {
        const response = await upload('friends', body, type);
        const error = await errorOf(response);
        expect(response.status, code).toBe(status);
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
      }
      expect(await pools()).toEqual(before);
    });

    it('names the line of a fatal error and refuses a bad pool name', async () => {
      const response = await upload('friends', 'code\nA-100\n"A-101\n');
      expect((await errorOf(response)).issues).toEqual([
        { path: 'line.3', message: expect.stringMatching(/^line 3: the file is not valid CSV/) },
      ]);
      const badPool = await upload('Friends%20Pool', 'A-100\n');
      expect(badPool.status).toBe(400);
      expect(await errorOf(badPool)).toMatchObject({
        code: 'invalid_request',
        issues: [{ path: 'pool', message: 'must be 1–40 lowercase letters, digits, - or _' }],
      });
    });

    it('accepts the content types spreadsheets and browsers send for CSV', async () => {
      const types = ['text/plain; charset=utf-8', 'application/vnd.ms-excel', 'application/csv'];
      for (const [i, type] of types.entries()) {
        const response = await upload('types', `TYPE-00${i}\n`, type);
        expect(response.status, type).toBe(200);
      }
    });

    it('imports a large file in one go', async () => {
      const codes = Array.from({ length: 4000 }, (_, i) => `BULK-${String(i).padStart(5, '0')}`);
      const response = await upload('bulk', `code\r\n${codes.join('\r\n')}\r\n`);
      expect(await response.json()).toMatchObject({ imported: 4000, total: 4000, problems: [] });
    });

    it('refuses a missing or wrong secret key', async () => {
      const response = await upload('friends', 'NOPE-001\n', 'text/csv', {
        authorization: 'Bearer sk_wrong',
      });
      expect(response.status).toBe(401);
      expect((await test.fetch('/v1/admin/coupons')).status).toBe(401);
    });
  },
);
