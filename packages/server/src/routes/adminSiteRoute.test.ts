import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { issuePaths } from '../testing/issuePaths.js';
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
      identityVerification: false,
      referral: null,
      nps: null,
      share: null,
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

describeDatabases('PATCH /v1/admin/site', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database);
  });
  afterAll(() => test.close());
  const patch = (body: unknown) =>
    test.fetch('/v1/admin/site', {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${test.created.secretKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  const config = (origin = test.origin) =>
    test.fetch(`/v1/sites/${test.created.publicKey}/config`, { headers: { origin } });

  it('changes only the settings given and answers the site as it is now', async () => {
    expect((await config()).status).toBe(200);
    const response = await patch({
      identityVerification: true,
      consentRequired: true,
      attributionDays: 7,
      attribution: 'first',
      locale: 'de-DE',
      name: 'Seifenladen',
      theme: { accent: '#0a7' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'Seifenladen',
      origins: [test.origin],
      identityVerification: true,
      consentRequired: true,
      attributionDays: 7,
      attribution: 'first',
      locale: 'de-DE',
      theme: { accent: '#0a7' },
    });
    // This instance forgets what it kept of the site, so its config shows the change now.
    expect(await (await config()).json()).toMatchObject({
      name: 'Seifenladen',
      identityVerification: true,
      consentRequired: true,
      locale: 'de-DE',
    });
    const unchanged = await patch({ identityVerification: false });
    expect(await unchanged.json()).toMatchObject({
      name: 'Seifenladen',
      identityVerification: false,
      attributionDays: 7,
    });
  });

  it('adds and removes origins, which the browser API honours at once', async () => {
    const second = 'https://second.example';
    expect((await config(second)).status).toBe(403);
    const added = await patch({ origins: { add: [second] } });
    expect(((await added.json()) as { origins: string[] }).origins).toEqual([second, test.origin]);
    expect((await config(second)).status).toBe(200);
    const preflight = await test.fetch('/v1/events', {
      method: 'OPTIONS',
      headers: { origin: second, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    await patch({ origins: { remove: [second] } });
    expect((await config(second)).status).toBe(403);
  });

  it('names every bad field and changes nothing', async () => {
    const before = await (
      await test.fetch('/v1/admin/site', {
        headers: { authorization: `Bearer ${test.created.secretKey}` },
      })
    ).json();
    const response = await patch({
      name: ' ',
      attributionDays: 400,
      attribution: 'middle',
      identityVerification: 'yes',
      origins: { add: ['https://shop.example/path'] },
      secretKey: 'sk_new',
    });
    expect(await issuePaths(response)).toEqual([
      '(root)',
      'attribution',
      'attributionDays',
      'identityVerification',
      'name',
      'origins.add.0',
    ]);
    const both = await patch({
      origins: { add: ['https://x.example'], remove: ['https://x.example'] },
    });
    expect(await both.json()).toMatchObject({
      error: { issues: [{ path: 'origins.remove.0', message: 'is also added' }] },
    });
    const after = await (
      await test.fetch('/v1/admin/site', {
        headers: { authorization: `Bearer ${test.created.secretKey}` },
      })
    ).json();
    expect(after).toEqual(before);
  });

  it('sets, changes and turns off the NPS rules, which the page is served', async () => {
    const served = async () => ((await (await config()).json()) as { nps: unknown }).nps;
    expect(await served()).toBeNull();

    const rules = { delayMs: 5000, include: ['/thanks*'], sampleRate: 0.5 };
    const set = await patch({ nps: rules });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ nps: rules });
    expect(await served()).toEqual(rules);

    // Other settings leave the rules as they are; new rules replace them whole.
    await patch({ locale: 'fr-FR' });
    expect(await served()).toEqual(rules);
    const changed = { trigger: 'manual', afterConversionDays: null, survey: 'nps-2026' };
    expect(await (await patch({ nps: changed })).json()).toMatchObject({ nps: changed });
    expect(await served()).toEqual(changed);

    // `{}` is the prompt with every default; null turns it off.
    expect(await (await patch({ nps: {} })).json()).toMatchObject({ nps: {} });
    expect(await served()).toEqual({});
    expect(await (await patch({ nps: null })).json()).toMatchObject({ nps: null });
    expect(await served()).toBeNull();
  });

  it('names each bad NPS rule and keeps the rules as they were', async () => {
    const rules = { delayMs: 2000 };
    await patch({ nps: rules });
    const response = await patch({
      nps: { delayMs: -1, minPageViews: 2.5, include: ['/a*', ''], trigger: 'always' },
    });
    expect(await issuePaths(response)).toEqual([
      'nps.delayMs',
      'nps.include.1',
      'nps.minPageViews',
      'nps.trigger',
    ]);
    const unknown = await patch({ nps: { delay: 5000 } });
    expect(await unknown.json()).toMatchObject({
      error: {
        code: 'invalid_request',
        issues: [{ path: 'nps', message: expect.stringContaining('"delay"') }],
      },
    });
    expect(await issuePaths(await patch({ nps: 'on' }))).toEqual(['nps']);
    expect(await issuePaths(await patch({ nps: { delayMs: 0 }, attributionDays: 0 }))).toEqual([
      'attributionDays',
    ]);
    const site = await test.fetch('/v1/admin/site', {
      headers: { authorization: `Bearer ${test.created.secretKey}` },
    });
    expect(await site.json()).toMatchObject({ nps: rules });
    expect(((await (await config()).json()) as { nps: unknown }).nps).toEqual(rules);
  });

  it('needs the secret key', async () => {
    const response = await test.fetch('/v1/admin/site', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${test.created.publicKey}` },
      body: '{"identityVerification":false}',
    });
    expect(response.status).toBe(401);
  });
});
