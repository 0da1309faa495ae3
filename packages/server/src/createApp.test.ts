import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from './createApp.js';
import type { VouchDatabase } from './db/openDatabase.js';
import { describeDatabases } from './testing/describeDatabases.js';
import { pageEvent, postEvents, startTestApp, type TestApp } from './testing/startTestApp.js';

describeDatabases('createApp', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database);
  });
  afterAll(() => test.close());

  it('puts the security headers on every JSON answer, errors included', async () => {
    const answers = [
      await test.fetch('/healthz'),
      await test.fetch('/no/such/route'),
      await test.fetch(`/v1/sites/${test.created.publicKey}/config`, {
        headers: { origin: 'https://evil.example' },
      }),
    ];
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answers unknown routes with a JSON 404, whatever the Accept header', async () => {
    const response = await test.fetch('/v2/anything', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'There is no GET /v2/anything.' },
    });
  });

  it('answers /healthz with the engine when the database answers', async () => {
    const response = await test.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: harness.dialect });
  });

  it('answers a thrown error with a generic 500, logs the stack, and never sends it', async () => {
    const logged: unknown[] = [];
    const app = createApp({
      db: database,
      scriptDir: '.',
      logger: { error: (_message, error) => logged.push(error) },
    });
    app.get('/v1/explode', () => {
      throw new Error('secret detail at /srv/vouch/app.js');
    });
    const response = await app.request('/v1/explode', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: expect.any(String) },
    });
    expect(text).not.toMatch(/secret detail|\/srv\/|at .*:\d+/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).stack).toContain('secret detail');
  });

  it('answers 500 and 503 when the database is gone, still without a stack', async () => {
    const lost = harness.connect();
    const broken = await startTestApp(lost, { siteCacheMs: 0 });
    try {
      await lost.close();
      const health = await broken.fetch('/healthz');
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      const response = await postEvents(broken, {
        site: broken.created.publicKey,
        events: [pageEvent(broken.origin)],
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(text).not.toMatch(/\n\s+at |node_modules|kysely|sqlite|pool/i);
      expect(broken.logged.length).toBeGreaterThan(0);
    } finally {
      await broken.close();
    }
  });
});
