import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases('GET /v1/admin/site', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database);
  });
  afterAll(() => test.close());
  const get = (authorization?: string) =>
    test.fetch('/v1/admin/site', authorization ? { headers: { authorization } } : {});

  it("answers the secret key's site, without any secret", async () => {
    const response = await get(`Bearer ${test.created.secretKey}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id: test.created.site.id,
      site: test.created.publicKey,
      publicKey: test.created.publicKey,
      name: 'Test shop',
      origins: [test.origin],
      consentRequired: false,
      attributionDays: 30,
      attribution: 'last',
      locale: 'en',
      theme: {},
      createdAt: test.created.site.createdAt,
    });
    expect(JSON.stringify(body)).not.toContain(test.created.secretKey.slice(3));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells two sites apart by their keys', async () => {
    const other = await createSite(database, { name: 'Other shop', origins: [] });
    const response = await get(`Bearer ${other.secretKey}`);
    expect(((await response.json()) as { name: string }).name).toBe('Other shop');
  });

  it('answers 401 for a missing, wrong, malformed or public key', async () => {
    const wrong = `sk_${'A'.repeat(40)}`;
    const cases = [
      undefined,
      `Bearer ${wrong}`,
      `Bearer ${test.created.secretKey.slice(0, -1)}`,
      `Basic ${Buffer.from(`x:${test.created.secretKey}`).toString('base64')}`,
      `Bearer ${test.created.publicKey}`,
      'Bearer',
    ];
    for (const authorization of cases) {
      const response = await get(authorization);
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="vouch"');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'unauthorized',
      );
    }
  });
});
