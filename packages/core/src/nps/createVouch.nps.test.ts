import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeferredVouch } from '../createDeferredVouch.js';
import { createRecorder } from '../createRecorder.js';
import { createVouch } from '../createVouch.js';
import type { Platform } from '../platform.js';
import type { NpsRequest } from '../schemas/nps.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from '../testing/createMemoryPlatform.js';
import { type ApiServer, startApiServer } from '../testing/startApiServer.js';
import type { VouchEventMap } from '../VouchEventMap.js';

// The client's NPS calls against a real HTTP server (the API double, which parses every
// request with the shared schemas), on the memory platform's fake clock and storage.

const SITE = 'pk_test_0123456789abcdef';
const DAY = 86_400_000;
const PROMPT = 'prompt-0001';
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);
const offline: Platform['fetch'] = () => Promise.reject(new TypeError('offline'));

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
});
afterEach(async () => {
  await server.close();
});

function setup(platformOptions: MemoryPlatformOptions = {}) {
  const platform = createMemoryPlatform({
    fetch: realFetch,
    url: 'https://shop.example/thank-you',
    ...platformOptions,
  });
  const client = createVouch({ site: SITE, endpoint: server.url, platform });
  const seen: Array<[keyof VouchEventMap, unknown]> = [];
  for (const name of ['nps:shown', 'nps:submitted', 'nps:dismissed', 'error'] as const) {
    client.on(name, (payload) => seen.push([name, payload]));
  }
  return { platform, client, seen };
}

const answersPosted = () =>
  server.requests
    .filter((request) => request.url === '/v1/nps')
    .map((request) => JSON.parse(request.body) as NpsRequest);
const eventsPosted = () =>
  server.requests
    .filter((request) => request.url === '/v1/events')
    .flatMap(
      (request) => (JSON.parse(request.body) as { events: Array<Record<string, unknown>> }).events,
    );

describe('client.nps: the answer', () => {
  it('sends the answer once, with who and where, and emits nps:submitted', async () => {
    const { client, platform, seen } = setup();
    client.identify({ id: 'cust-7' });
    expect(client.nps.shown(PROMPT)).toBe(PROMPT);
    await client.nps.submit({ id: PROMPT, score: 4, comment: '  Slow delivery.  ', contact: true });
    await client.flush();

    const [answer, ...more] = answersPosted();
    expect(more).toEqual([]);
    expect(answer).toEqual({
      id: PROMPT,
      score: 4,
      comment: 'Slow delivery.',
      contact: true,
      site: SITE,
      at: new Date(platform.now()).toISOString(),
      visitor: expect.any(String),
      customer: 'cust-7',
      url: 'https://shop.example/thank-you',
    });
    expect(server.nps.get(PROMPT)?.request.score).toBe(4);
    expect(seen).toEqual([
      ['nps:shown', { id: PROMPT }],
      ['nps:submitted', { id: PROMPT, score: 4, category: 'detractor', comment: 'Slow delivery.' }],
    ]);
    expect(client.getSnapshot().pending).toBe(0);
    expect(eventsPosted()).toContainEqual(
      expect.objectContaining({ type: 'nps_shown', prompt: PROMPT }),
    );
  });

  it('loses nothing to a bad network or a reload, and counts nothing twice', async () => {
    const storage = new Map<string, string>();
    const first = setup({ storage, fetch: offline });
    first.client.nps.submit({ id: PROMPT, score: 10 });
    first.client.nps.submit({ id: PROMPT, score: 10 }); // a double click
    await first.client.flush();
    expect(first.client.getSnapshot().pending).toBe(1);
    first.client.destroy();

    // The page is reloaded once the network is back: the kept answer goes out.
    const second = setup({ storage });
    await second.client.flush();
    await second.client.flush();
    expect(answersPosted().map((answer) => answer.id)).toEqual([PROMPT]);
    expect(server.nps.size).toBe(1);
    expect(second.client.getSnapshot().pending).toBe(0);
  });

  it('sends the answers an earlier page left as soon as the next client starts', async () => {
    const storage = new Map<string, string>();
    const first = setup({ storage, fetch: offline });
    await first.client.nps.submit({ id: PROMPT, score: 8, comment: 'Fine.' });
    first.client.destroy();
    expect(answersPosted()).toEqual([]);

    setup({ storage }); // no NPS call, no flush
    await vi.waitFor(() => expect(server.nps.get(PROMPT)?.request.comment).toBe('Fine.'));
  });

  it('keeps the rule state in memory only until consent where the site requires it', async () => {
    const storage = new Map<string, string>();
    const platform = createMemoryPlatform({ fetch: realFetch, storage });
    const client = createVouch({
      site: SITE,
      endpoint: server.url,
      platform,
      consentRequired: true,
    });
    await client.nps.decide({}, { startedAt: platform.now() });
    client.nps.shown(PROMPT);
    expect((await client.nps.state()).pageViews).toBe(1);
    expect([...storage.keys()].filter((key) => key.includes('nps'))).toEqual([]);
    client.consent(true);
    expect([...storage.keys()].filter((key) => key.endsWith(':nps'))).toHaveLength(1);
  });

  it('retries an answer lost on the way, and the server keeps it once', async () => {
    const { client } = setup();
    server.answerNext({ status: 503, body: { error: { code: 'unavailable', message: 'Busy.' } } });
    client.nps.submit({ id: PROMPT, score: 9 });
    await client.flush();
    await client.flush();
    expect(answersPosted().map((answer) => answer.id)).toEqual([PROMPT, PROMPT]);
    expect(server.nps.size).toBe(1);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('throws a TypeError naming a bad field, and keeps nothing', async () => {
    const storage = new Map<string, string>();
    const { client } = setup({ storage });
    const refused = (answer: Parameters<typeof client.nps.submit>[0]) =>
      expect(client.nps.submit(answer)).rejects;
    await refused({ id: PROMPT, score: 11 }).toThrow(/"score"/);
    await refused({ id: PROMPT, score: 7.5 }).toThrow(TypeError);
    await refused({ id: PROMPT, score: 3, comment: 'x'.repeat(2001) }).toThrow(/"comment"/);
    await refused({ id: PROMPT, score: 3, email: 'a@b.example' }).toThrow(/"email"/);
    await refused({ id: 'short', score: 3 }).toThrow(/"id"/);
    await client.flush();
    expect(answersPosted()).toEqual([]);
    expect(await client.nps.state()).toEqual({ pageViews: 0 });
  });

  it('emits an error naming the answer the server refused, and drops it', async () => {
    const { client, seen } = setup();
    server.answerNext({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'The request is not valid.',
          issues: [{ path: 'comment', message: 'too long' }],
        },
      },
    });
    client.nps.submit({ id: PROMPT, score: 8 });
    await client.flush();
    expect(client.getSnapshot().pending).toBe(0);
    const error = seen.find(([name]) => name === 'error')?.[1] as VouchEventMap['error'];
    expect(error.message).toMatch(`NPS answer "${PROMPT}" was refused`);
    expect(error.code).toBe('invalid_request');
  });
});

describe('client.nps: shown, dismissed and the rules they feed', () => {
  it('records a dismissal with the score picked, and stays quiet for 30 days', async () => {
    const storage = new Map<string, string>();
    const { client, platform, seen } = setup({ storage });
    const rules = { delayMs: 0, minPageViews: 1 };
    const startedAt = platform.now();
    expect(await client.nps.decide(rules, { startedAt })).toEqual({ show: 'now', reason: 'rules' });
    const id = client.nps.shown();
    await client.nps.dismiss({ id, score: 6 });
    await client.flush();
    expect(seen.slice(-1)).toEqual([['nps:dismissed', { id, score: 6 }]]);
    expect(eventsPosted()).toContainEqual(
      expect.objectContaining({ type: 'nps_dismissed', prompt: id, score: 6 }),
    );
    expect(answersPosted()).toEqual([]);
    await expect(client.nps.dismiss({ id, score: -1 })).rejects.toThrow(/"score"/);

    // The next visit, on the same device, 29 days later, then 30.
    platform.advance(29 * DAY);
    const later = setup({ storage, now: platform.now() });
    const page = { startedAt: platform.now() };
    expect(await later.client.nps.decide(rules, page)).toEqual({
      show: 'no',
      reason: 'dismissed-recently',
    });
    platform.advance(DAY);
    const after = setup({ storage, now: platform.now() });
    expect(await after.client.nps.decide(rules, { startedAt: platform.now() })).toEqual({
      show: 'now',
      reason: 'rules',
    });
    expect((await after.client.nps.state()).pageViews).toBe(3);
  });

  it('counts page views, purchases and answers into the kept state', async () => {
    const storage = new Map<string, string>();
    const { client, platform } = setup({ storage });
    const rules = { delayMs: 5000, minPageViews: 2, afterConversionDays: 3 };
    expect(await client.nps.decide(rules, { startedAt: platform.now() })).toEqual({
      show: 'no',
      reason: 'too-few-page-views',
    });
    client.conversion({ orderId: 'ord-1', amount: 20, currency: 'EUR' });
    platform.advance(3 * DAY);
    expect(await client.nps.decide(rules, { startedAt: platform.now() - 1000 })).toEqual({
      show: 'later',
      inMs: 4000,
      reason: 'delay',
    });
    await client.nps.submit({ id: client.nps.shown(), score: 10 });
    const state = await client.nps.state();
    expect(state).toMatchObject({ pageViews: 2, answeredAt: platform.now() });
    expect(state.convertedAt).toBe(platform.now() - 3 * DAY);
    expect(await client.nps.decide(rules, { startedAt: platform.now() + 1 })).toEqual({
      show: 'no',
      reason: 'answered-recently',
    });
  });

  it('queues the calls made before the recording half arrives, in order', async () => {
    const platform = createMemoryPlatform({ fetch: realFetch, url: 'https://shop.example/' });
    const deferred = createDeferredVouch({ site: SITE, endpoint: server.url, platform });
    const seen: string[] = [];
    deferred.client.on('nps:shown', () => seen.push('shown'));
    deferred.client.on('nps:submitted', () => seen.push('submitted'));
    const decision = deferred.client.nps.decide({ trigger: 'manual' }, { startedAt: 0 });
    const id = deferred.client.nps.shown();
    deferred.client.nps.submit({ id, score: 7 });
    expect(seen).toEqual([]);

    deferred.attach(createRecorder);
    expect(await decision).toEqual({ show: 'no', reason: 'manual-only' });
    expect(seen).toEqual(['shown', 'submitted']);
    await deferred.client.flush();
    expect(answersPosted().map((answer) => answer.id)).toEqual([id]);
  });

  it('rejects decide for bad rules, before or after the recording half arrives', async () => {
    const { client } = setup();
    await expect(client.nps.decide({ sampleRate: 2 }, { startedAt: 0 })).rejects.toThrow(
      /"sampleRate"/,
    );
    const platform = createMemoryPlatform({ fetch: realFetch });
    const deferred = createDeferredVouch({ site: SITE, endpoint: server.url, platform });
    const decision = deferred.client.nps.decide({ delayMs: -1 }, { startedAt: 0 });
    deferred.attach(createRecorder);
    await expect(decision).rejects.toThrow(/"delayMs"/);
  });
});
