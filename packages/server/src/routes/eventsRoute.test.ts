import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { EventCommit } from '../events/createEventWriter.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { pageEvent, postEvents, startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases('POST /v1/events', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  const commits: EventCommit[] = [];
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database, {
      rateLimit: false,
      onEventCommit: (commit) => commits.push(commit),
    });
  });
  afterAll(() => test.close());

  async function storedIds(): Promise<string[]> {
    const rows = await database.db
      .selectFrom('events')
      .select('id')
      .where('site_id', '=', test.created.site.id)
      .execute();
    return rows.map((r) => r.id);
  }

  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; issues?: unknown } };
    expect(body.error.code).toBe(code);
    return body.error;
  }

  it('stores a batch and answers once it is durable, from a fresh connection too', async () => {
    const page = pageEvent(test.origin, {
      at: '2030-01-02T03:04:05.678+02:00',
      visitor: 'visitor_0001',
      customer: 'cust-42',
      title: 'Oat & honey',
    });
    const landing = { ...pageEvent(test.origin), type: 'landing', ref: 'FRIEND42' };
    const response = await postEvents(test, {
      site: test.created.publicKey,
      events: [page, landing],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(test.origin);
    expect(await response.json()).toEqual({ received: 2, stored: 2 });

    const other = harness.connect();
    const row = await other.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', page.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      site_id: test.created.site.id,
      type: 'page',
      at: '2030-01-02T01:04:05.678Z',
      visitor: 'visitor_0001',
      customer: 'cust-42',
    });
    expect(JSON.parse(row.data)).toEqual({ url: page.url, title: 'Oat & honey' });
    const stored = await other.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('id', '=', landing.id)
      .executeTakeFirstOrThrow();
    expect(stored.type).toBe('landing');
    expect(JSON.parse(stored.data)).toEqual({ url: landing.url, ref: 'FRIEND42' });
  });

  it('answers with the headers of every browser answer: security, CORS for its origin, Vary', async () => {
    const stored = await postEvents(test, {
      site: test.created.publicKey,
      events: [pageEvent(test.origin)],
    });
    expect(stored.status).toBe(200);
    const expected = {
      'content-type': 'application/json',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      vary: 'Origin',
      'access-control-allow-origin': test.origin,
      'access-control-expose-headers': 'Retry-After',
      'cross-origin-resource-policy': 'cross-origin',
    };
    expect(Object.fromEntries(stored.headers)).toMatchObject(expected);
    // An error answer gets its headers from the middleware: the same ones.
    const refused = await postEvents(test, { site: test.created.publicKey, events: [] });
    expect(refused.status).toBe(400);
    expect(Object.fromEntries(refused.headers)).toMatchObject(expected);
  });

  it('takes the key from X-Vouch-Site and JSON of any content type', async () => {
    const event = pageEvent(test.origin);
    const response = await test.fetch('/v1/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: test.origin,
        'x-vouch-site': test.created.publicKey,
      },
      body: JSON.stringify({ events: [event] }),
    });
    expect(await response.json()).toEqual({ received: 1, stored: 1 });
    expect(await storedIds()).toContain(event.id);
  });

  it('acknowledges a repeated id and stores it once', async () => {
    const event = pageEvent(test.origin);
    const body = { site: test.created.publicKey, events: [event] };
    expect(await (await postEvents(test, body)).json()).toEqual({ received: 1, stored: 1 });
    expect(await (await postEvents(test, body)).json()).toEqual({ received: 1, stored: 0 });
    const twice = { site: test.created.publicKey, events: [pageEvent(test.origin)] };
    twice.events.push({ ...(twice.events[0] as object) } as never);
    expect(await (await postEvents(test, twice)).json()).toEqual({ received: 2, stored: 1 });
    expect((await storedIds()).filter((id) => id === event.id)).toHaveLength(1);
  });

  it('tells each of many concurrent requests its own result', async () => {
    const before = commits.length;
    const events = Array.from({ length: 40 }, () => pageEvent(test.origin));
    // Two requests carry the same id: exactly one of them stores it.
    const shared = pageEvent(test.origin);
    const responses = await Promise.all([
      ...events.map((event) => postEvents(test, { site: test.created.publicKey, events: [event] })),
      postEvents(test, { site: test.created.publicKey, events: [shared] }),
      postEvents(test, { site: test.created.publicKey, events: [shared] }),
    ]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{
      stored: number;
    }>;
    expect(bodies.slice(0, 40).every((b) => b.stored === 1)).toBe(true);
    expect(
      bodies
        .slice(40)
        .map((b) => b.stored)
        .sort(),
    ).toEqual([0, 1]);
    expect(commits.slice(before).reduce((n, c) => n + c.requests, 0)).toBe(42);
    const ids = await storedIds();
    for (const event of events) expect(ids).toContain(event.id);
  });

  it('refuses a half-bad batch whole and stores none of it', async () => {
    const good = pageEvent(test.origin);
    const bad = pageEvent(test.origin, { url: 'javascript:alert(1)', at: 'yesterday' });
    const response = await postEvents(test, { site: test.created.publicKey, events: [good, bad] });
    const error = await expectError(response, 400, 'invalid_request');
    expect(error.issues).toEqual([
      { path: 'events.1.at', message: expect.any(String) },
      { path: 'events.1.url', message: expect.any(String) },
    ]);
    expect(response.headers.get('access-control-allow-origin')).toBe(test.origin);
    expect(await storedIds()).not.toContain(good.id);
  });

  it('names every field of the wrong type', async () => {
    const response = await postEvents(test, {
      site: test.created.publicKey,
      events: [{ id: 12345678, type: 'page', at: 5, url: ['x'], visitor: null }],
    });
    const error = await expectError(response, 400, 'invalid_request');
    const paths = (error.issues as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['events.0.at', 'events.0.id', 'events.0.url', 'events.0.visitor']);
  });

  it('refuses unknown fields in the strict body and in an event', async () => {
    const top = await postEvents(test, {
      site: test.created.publicKey,
      events: [pageEvent(test.origin)],
      extra: true,
    });
    expect((await expectError(top, 400, 'invalid_request')).issues).toEqual([
      { path: '(root)', message: expect.stringContaining('extra') },
    ]);
    const inner = await postEvents(test, {
      site: test.created.publicKey,
      events: [pageEvent(test.origin, { price: 3 })],
    });
    expect((await expectError(inner, 400, 'invalid_request')).issues).toEqual([
      { path: 'events.0', message: expect.stringContaining('price') },
    ]);
  });

  it('refuses an unknown event type', async () => {
    const response = await postEvents(test, {
      site: test.created.publicKey,
      events: [pageEvent(test.origin, { type: 'purchase' })],
    });
    const error = await expectError(response, 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'events.0.type', message: expect.any(String) }]);
  });

  it('refuses an empty batch and one of 101 events', async () => {
    const none = await postEvents(test, { site: test.created.publicKey, events: [] });
    expect((await expectError(none, 400, 'invalid_request')).issues).toEqual([
      { path: 'events', message: expect.any(String) },
    ]);
    const events = Array.from({ length: 101 }, () => pageEvent(test.origin));
    const many = await postEvents(test, { site: test.created.publicKey, events });
    expect((await expectError(many, 400, 'invalid_request')).issues).toEqual([
      { path: 'events', message: expect.any(String) },
    ]);
    const ids = await storedIds();
    expect(ids).not.toContain(events[0]?.id);
  });

  it('answers malformed or empty JSON with invalid_json', async () => {
    const broken = await postEvents(test, '{"site": "pk_', {
      'x-vouch-site': test.created.publicKey,
    });
    await expectError(broken, 400, 'invalid_json');
    expect(broken.headers.get('access-control-allow-origin')).toBe(test.origin);
    await expectError(await postEvents(test, '   '), 400, 'invalid_json');
    await expectError(
      await postEvents(test, new Uint8Array([0x7b, 0xff, 0x7d])),
      400,
      'invalid_json',
    );
  });

  it('needs a site key, and one that exists and matches', async () => {
    const missing = await postEvents(test, { events: [pageEvent(test.origin)] });
    expect((await expectError(missing, 400, 'invalid_request')).issues).toEqual([
      { path: 'site', message: expect.any(String) },
    ]);
    const unknown = await postEvents(test, {
      site: 'pk_000000000000000000000000',
      events: [pageEvent(test.origin)],
    });
    await expectError(unknown, 404, 'site_not_found');
    // The origin belongs to a site, so its page may read why.
    expect(unknown.headers.get('access-control-allow-origin')).toBe(test.origin);
    const mismatch = await postEvents(
      test,
      { site: test.created.publicKey, events: [pageEvent(test.origin)] },
      { 'x-vouch-site': 'pk_000000000000000000000000' },
    );
    await expectError(mismatch, 400, 'invalid_request');
  });

  it('refuses another origin with 403 and no CORS headers, storing nothing', async () => {
    const event = pageEvent(test.origin);
    for (const origin of ['https://evil.example', 'null', `${test.origin}:8443`]) {
      const response = await postEvents(
        test,
        { site: test.created.publicKey, events: [event] },
        { origin },
      );
      await expectError(response, 403, 'origin_not_allowed');
      expect([...response.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual(
        [],
      );
    }
    const noOrigin = await test.fetch('/v1/events', {
      method: 'POST',
      body: JSON.stringify({ site: test.created.publicKey, events: [event] }),
    });
    await expectError(noOrigin, 403, 'origin_not_allowed');
    expect(await storedIds()).not.toContain(event.id);
  });

  it('refuses a body over the limit, by its length and by its streamed size', async () => {
    const big = JSON.stringify({
      site: test.created.publicKey,
      events: [pageEvent(test.origin, { title: 'x'.repeat(70 * 1024) })],
    });
    await expectError(await postEvents(test, big), 413, 'body_too_large');
    // Without a Content-Length (chunked), the server counts what arrives.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new Uint8Array(1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await test.fetch('/v1/events', {
      method: 'POST',
      headers: { origin: test.origin, 'x-vouch-site': test.created.publicKey },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    await expectError(streamed, 413, 'body_too_large');
  });
});
