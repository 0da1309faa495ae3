import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentStorage } from './createConsentStorage.js';
import { createTransport, type TransportOptions } from './createTransport.js';
import { arrayOf } from './guards/check.js';
import { eventCheck } from './guards/eventChecks.js';
import type { Platform } from './platform.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from './testing/createMemoryPlatform.js';
import { type EventServer, startEventServer } from './testing/startEventServer.js';
import type { HttpError } from './transportErrors.js';

const SITE = 'pk_test_0123456789abcdef';
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);

let server: EventServer;
beforeEach(async () => {
  server = await startEventServer();
});
afterEach(async () => {
  await server.close();
});

function page(n: number) {
  return { type: 'page' as const, url: `https://shop.example/p/${n}` };
}

function setup(
  options: MemoryPlatformOptions & { data?: Map<string, string> } = {},
  transportOptions: Partial<TransportOptions> = {},
) {
  const { data, ...platformOptions } = options;
  const platform = createMemoryPlatform({
    fetch: realFetch,
    ...(data && { storage: data }),
    ...platformOptions,
  });
  const storage = createConsentStorage({ storage: platform.storage, namespace: `vouch:${SITE}:` });
  const errors: Error[] = [];
  let changes = 0;
  const transport = createTransport({
    site: SITE,
    endpoint: server.url,
    platform,
    storage,
    onError: (error) => errors.push(error),
    onChange: () => changes++,
    ...transportOptions,
  });
  return { platform, storage, transport, errors, changes: () => changes };
}

describe('createTransport: batching', () => {
  it('gathers events for a second, then posts them in one CORS-simple request', async () => {
    const { platform, transport } = setup();
    const sent = [transport.send(page(1)), transport.send(page(2)), transport.send(page(3))];
    expect(transport.pending()).toBe(3);
    platform.advance(999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(0);

    platform.advance(1);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/events');
    expect(request?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(request?.batch?.site).toBe(SITE);
    expect(request?.batch?.events.map((e) => e.id)).toEqual(sent.map((e) => e.id));
    expect(server.stored).toHaveLength(3);
  });

  it('fills in id and at, and keeps ones given', () => {
    const { transport } = setup({ now: Date.UTC(2026, 4, 1, 12) });
    const event = transport.send(page(1));
    expect(event.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(event.at).toBe('2026-05-01T12:00:00.000Z');
    const given = transport.send({ ...page(2), id: 'given-id-1', at: '2026-01-01T00:00:00.000Z' });
    expect(given).toMatchObject({ id: 'given-id-1', at: '2026-01-01T00:00:00.000Z' });
  });

  it('throws a TypeError naming the field of an invalid event, and queues nothing', () => {
    const { transport } = setup();
    expect(() => transport.send({ type: 'page', url: 'javascript:alert(1)' })).toThrow(
      /invalid event: "url"/,
    );
    expect(() => transport.send({ ...page(1), id: 'x' })).toThrow(/"id"/);
    expect(transport.pending()).toBe(0);
  });

  it('flush sends at once and resolves when acknowledged', async () => {
    const { transport } = setup();
    transport.send(page(1));
    await transport.flush();
    expect(server.stored).toHaveLength(1);
    expect(transport.pending()).toBe(0);
  });

  it('sends at once when a full batch is waiting, and splits beyond the batch limit', async () => {
    const { transport } = setup();
    for (let i = 0; i < 150; i++) transport.send(page(i));
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(1));
    await transport.flush();
    expect(server.requests.map((r) => r.batch?.events.length)).toEqual([100, 50]);
    expect(new Set(server.stored).size).toBe(150);
  });

  it('keeps each request under 64 KiB for beacons and keepalive', async () => {
    const { transport } = setup();
    for (let i = 0; i < 60; i++) {
      transport.send({ type: 'page', url: `https://shop.example/${i}/${'é'.repeat(900)}` });
    }
    await transport.flush();
    expect(server.requests.length).toBeGreaterThan(1);
    for (const request of server.requests) {
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(64 * 1024);
    }
    expect(server.stored).toHaveLength(60);
  });
});

describe('createTransport: reliability', () => {
  it('loses nothing across a reload: a new transport over the same storage sends the outbox', async () => {
    const data = new Map<string, string>();
    const first = setup({ data });
    first.transport.send(page(1));
    first.transport.send(page(2));
    first.transport.destroy();
    expect(server.requests).toHaveLength(0);

    const second = setup({ data });
    expect(second.transport.pending()).toBe(2);
    second.platform.advance(1000);
    await vi.waitFor(() => expect(server.stored).toHaveLength(2));
    await second.transport.flush();
    expect(second.transport.pending()).toBe(0);
  });

  it('never sends an acknowledged event again, not even after a reload', async () => {
    const data = new Map<string, string>();
    const first = setup({ data });
    first.transport.send(page(1));
    await first.transport.flush();
    await first.transport.flush();
    first.transport.destroy();
    const second = setup({ data });
    await second.transport.flush();
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx with exponential backoff and full jitter, then succeeds', async () => {
    const { platform, transport } = setup({ random: () => 0.999 });
    server.answerNext(
      { status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
      { status: 500 },
    );
    transport.send(page(1));
    await transport.flush();
    expect(server.requests).toHaveLength(1);
    expect(transport.pending()).toBe(1);

    // First retry is drawn from [0, 1000) ms: 0.999 → 999 ms.
    platform.advance(998);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(1);
    platform.advance(1);
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    await vi.waitFor(() => expect(platform.timers()).toBe(1));

    // Second retry from [0, 2000) ms: 1998 ms.
    platform.advance(1997);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(2);
    platform.advance(1);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.requests).toHaveLength(3);
    expect(server.stored).toHaveLength(1);
  });

  it('uses the jitter: a low random draw retries sooner', async () => {
    const { platform, transport } = setup({ random: () => 0.1 });
    server.answerNext({ status: 502 });
    transport.send(page(1));
    await transport.flush();
    platform.advance(100);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After on 429, even against flush()', async () => {
    const { platform, transport } = setup({ random: () => 0 });
    server.answerNext({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { error: { code: 'rate_limited', message: 'slow down' } },
    });
    transport.send(page(1));
    await transport.flush();
    await transport.flush();
    platform.goOnline();
    platform.advance(6999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(1);
    platform.advance(1);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.requests).toHaveLength(2);
  });

  it('retries 408 and an unreadable 2xx answer', async () => {
    const { platform, transport } = setup({ random: () => 0 });
    server.answerNext({ status: 408 }, { status: 200, body: '<html>proxy</html>' });
    transport.send(page(1));
    await transport.flush();
    platform.advance(0);
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(transport.pending()).toBe(1);
    platform.advance(0);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.requests).toHaveLength(3);
  });

  it('resends at once when the browser comes back online', async () => {
    let online = false;
    const { platform, transport } = setup({
      random: () => 0.999,
      fetch: (input, init) =>
        online ? realFetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
    });
    transport.send(page(1));
    transport.send(page(2));
    await transport.flush();
    expect(transport.pending()).toBe(2);
    expect(platform.timers()).toBe(1);

    online = true;
    platform.goOnline();
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(server.stored).toHaveLength(2);
  });

  it('times out a request that hangs, then retries it', async () => {
    let calls = 0;
    const { platform, transport } = setup(
      {
        random: () => 0,
        fetch: (input, init) => {
          calls++;
          if (calls > 1) return realFetch(input, init);
          return new Promise((_, reject) => {
            init?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          });
        },
      },
      { timeoutMs: 5000 },
    );
    transport.send(page(1));
    const flushed = transport.flush();
    // The request is under way once the sending code has loaded; then its clock runs.
    await vi.waitFor(() => expect(calls).toBe(1));
    platform.advance(5000);
    await flushed;
    expect(transport.pending()).toBe(1);
    platform.advance(0);
    await vi.waitFor(() => expect(transport.pending()).toBe(0));
    expect(calls).toBe(2);
  });

  it('caps the outbox, dropping the oldest with one warning', () => {
    const { platform, transport } = setup({ fetch: () => new Promise(() => {}) }, { maxOutbox: 5 });
    const sent = Array.from({ length: 8 }, (_, i) => transport.send(page(i)));
    expect(transport.pending()).toBe(5);
    expect(platform.warnings).toHaveLength(1);
    expect(platform.warnings[0]).toMatch(/outbox is full/);
    transport.destroy();
    const second = setup({ data: platform.data ?? new Map() });
    const kept = second.storage.get('outbox', arrayOf(eventCheck)) ?? [];
    expect(kept.map((e) => e.id)).toEqual(sent.slice(3).map((e) => e.id));
  });
});

describe('createTransport: rejected batches', () => {
  it('drops a batch the server rejects for good and reports the server message', async () => {
    const { transport, errors } = setup();
    server.answerNext({
      status: 403,
      body: { error: { code: 'origin_not_allowed', message: 'origin not allowed' } },
    });
    transport.send(page(1));
    transport.send(page(2));
    await transport.flush();
    expect(transport.pending()).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'HttpError', status: 403, code: 'origin_not_allowed' });
    expect(errors[0]?.message).toBe('origin not allowed');
    await transport.flush();
    expect(server.requests).toHaveLength(1);
  });

  it('on 400 naming events by path, drops only those and sends the rest', async () => {
    const { transport, errors } = setup();
    const sent = [1, 2, 3].map((n) => transport.send(page(n)));
    server.answerNext({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'invalid',
          issues: [{ path: 'events.1.url', message: 'too long' }],
        },
      },
    });
    await transport.flush();
    expect(errors.map((e) => (e as HttpError).status)).toEqual([400]);
    expect(server.requests).toHaveLength(2);
    expect(server.stored).toEqual([sent[0]?.id, sent[2]?.id]);
    expect(transport.pending()).toBe(0);
  });

  it('on 413 halves the batch instead of dropping it', async () => {
    const { transport, errors } = setup();
    for (let i = 0; i < 4; i++) transport.send(page(i));
    server.answerNext({ status: 413, body: { error: { code: 'body_too_large', message: 'big' } } });
    await transport.flush();
    expect(errors).toHaveLength(0);
    expect(server.requests.map((r) => r.batch?.events.length)).toEqual([4, 2, 2]);
    expect(server.stored).toHaveLength(4);
  });

  it('keeps two sites apart: their outboxes never mix', async () => {
    const platform = createMemoryPlatform({ fetch: realFetch });
    const make = (site: string) =>
      createTransport({
        site,
        endpoint: server.url,
        platform,
        storage: createConsentStorage({ storage: platform.storage, namespace: `vouch:${site}:` }),
      });
    const a = make(SITE);
    const b = make('pk_other_0123456789abcdef');
    a.send(page(1));
    b.send(page(2));
    b.send(page(3));
    expect([a.pending(), b.pending()]).toEqual([1, 2]);
    await a.flush();
    expect(server.requests.map((r) => [r.batch?.site, r.batch?.events.length])).toEqual([
      [SITE, 1],
    ]);
    expect(b.pending()).toBe(2);
  });
});

describe('createTransport: page hide', () => {
  it('hands pending events to a beacon and keeps them until a fetch is acknowledged', async () => {
    const data = new Map<string, string>();
    const { platform, transport } = setup({ data });
    const sent = [transport.send(page(1)), transport.send(page(2))];
    platform.hide();
    expect(platform.beacons).toHaveLength(1);
    expect(platform.beacons[0]?.url).toBe(`${server.url}/v1/events`);
    const body = JSON.parse(platform.beacons[0]?.body ?? '{}');
    expect(body.site).toBe(SITE);
    expect(body.events.map((e: { id: string }) => e.id)).toEqual(sent.map((e) => e.id));
    expect(transport.pending()).toBe(2);
    transport.destroy();

    // The next page resends them; the ids let the server store each once.
    const next = setup({ data });
    await next.transport.flush();
    expect(server.stored).toEqual(sent.map((e) => e.id));
    expect(next.transport.pending()).toBe(0);
  });

  it('falls back to a keepalive fetch when the beacon is refused or missing', async () => {
    for (const sendBeacon of [() => false, null]) {
      const { platform, transport } = setup({ sendBeacon });
      transport.send(page(1));
      platform.hide();
      await vi.waitFor(() => expect(transport.pending()).toBe(0));
      transport.destroy();
    }
    expect(server.requests).toHaveLength(2);
  });

  it('sends nothing on hide when nothing is pending', () => {
    const { platform } = setup();
    platform.hide();
    expect(platform.beacons).toHaveLength(0);
  });

  it('stops listening and timing after destroy', () => {
    const { platform, transport } = setup();
    transport.send(page(1));
    transport.destroy();
    expect(platform.timers()).toBe(0);
    platform.hide();
    expect(platform.beacons).toHaveLength(0);
  });
});

describe('createTransport: consent', () => {
  it('holds the outbox in memory until consent, then moves it to storage', async () => {
    const platform = createMemoryPlatform({ fetch: () => new Promise(() => {}) });
    const storage = createConsentStorage({
      storage: platform.storage,
      namespace: `vouch:${SITE}:`,
      consentRequired: true,
    });
    const transport = createTransport({ site: SITE, endpoint: server.url, platform, storage });
    transport.send(page(1));
    expect(platform.data?.size).toBe(0);
    expect(transport.pending()).toBe(1);
    storage.grant();
    expect(platform.data?.get(`vouch:${SITE}:outbox`)).toContain('https://shop.example/p/1');
    transport.destroy();
  });
});
