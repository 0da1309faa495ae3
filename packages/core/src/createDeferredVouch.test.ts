import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeferredVouch, startDeferredVouch } from './createDeferredVouch.js';
import { createEmitter } from './createEmitter.js';
import { createRecorder } from './createRecorder.js';
import type { Platform } from './platform.js';
import type { ConversionRequest } from './schemas/conversions.js';
import type { VouchEvent } from './schemas/events.js';
import { createMemoryPlatform } from './testing/createMemoryPlatform.js';
import { type ApiServer, startApiServer } from './testing/startApiServer.js';
import type { VouchEventMap } from './VouchEventMap.js';
import { withVouchDefaults } from './vouchOptions.js';

const SITE = 'pk_test_0123456789abcdef';
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
});
afterEach(async () => {
  await server.close();
});

function setup(url = 'https://shop.example/') {
  const data = new Map<string, string>();
  const platform = createMemoryPlatform({ fetch: realFetch, storage: data, url });
  const vouch = createDeferredVouch({ site: SITE, endpoint: server.url, platform });
  const errors: VouchEventMap['error'][] = [];
  vouch.client.on('error', (error) => errors.push(error));
  return { platform, data, vouch, client: vouch.client, errors };
}

const events = () =>
  server.requests
    .filter((request) => request.url === '/v1/events')
    .flatMap((request) => (JSON.parse(request.body) as { events: VouchEvent[] }).events);
const conversions = () =>
  server.requests
    .filter((request) => request.url === '/v1/conversions')
    .map((request) => JSON.parse(request.body) as ConversionRequest);

describe('createDeferredVouch', () => {
  it('reads at once, before its recording half is attached', () => {
    const { client } = setup();
    client.identify({ id: 'ada', name: 'Ada' });
    client.dismiss('referral-banner:FRIEND42');
    expect(client.getSnapshot()).toMatchObject({
      site: SITE,
      identity: { id: 'ada', name: 'Ada' },
      consent: 'unset',
      referral: null,
      pending: 0,
    });
    expect(client.dismissed('referral-banner:FRIEND42')).toBe(true);
    expect(() => client.identify({ id: '' })).toThrow(/"id"/);
  });

  it('keeps recording calls until the recorder comes, then makes them in order', async () => {
    const { client, vouch, data } = setup('https://shop.example/landing?ref=FRIEND42');
    client.identify({ id: 'ada' });
    expect(client.captureReferral()).toBeNull();
    expect(client.page()).toBeNull();
    client.conversion({ orderId: 'ord-1', amount: 10, currency: 'EUR' });
    expect([...data.keys()].filter((key) => /outbox|conversions|referral$/.test(key))).toEqual([]);
    const seen: number[] = [];
    client.subscribe(() => seen.push(client.getSnapshot().pending));

    vouch.attach(createRecorder);
    expect(client.getSnapshot()).toMatchObject({ referral: 'FRIEND42', pending: 3 });
    expect(seen.at(-1)).toBe(3);
    await client.flush();
    expect(events().map((event) => [event.type, event.customer])).toEqual([
      ['landing', 'ada'],
      ['page', 'ada'],
    ]);
    expect(conversions()).toMatchObject([{ orderId: 'ord-1', ref: 'FRIEND42' }]);
    // From now on the recorder answers at once.
    expect(client.page()).toMatchObject({ type: 'page', customer: 'ada' });
  });

  it('turns a bad conversion made before the recorder into an error event', () => {
    const { client, vouch, errors } = setup();
    expect(() =>
      client.conversion({ orderId: 'ord-2', amount: -1, currency: 'EUR' }),
    ).not.toThrow();
    vouch.attach(createRecorder);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^\[vouch\] conversion: "amount": must be an amount/),
    ]);
    expect(() => client.conversion({ orderId: 'ord-3', amount: -1, currency: 'EUR' })).toThrow(
      TypeError,
    );
  });

  it('lets flush wait for the recorder, and attaches only once', async () => {
    const { client, vouch } = setup();
    client.page();
    let flushed = false;
    const flushing = client.flush().then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushed).toBe(false);
    let created = 0;
    const counting: typeof createRecorder = (parts) => {
      created++;
      return createRecorder(parts);
    };
    vouch.attach(counting);
    vouch.attach(counting);
    await flushing;
    expect(created).toBe(1);
    expect(events().map((event) => event.type)).toEqual(['page']);
  });

  it('attaches nothing once destroyed', () => {
    const { client, vouch } = setup();
    client.page();
    client.destroy();
    let created = 0;
    vouch.attach((parts) => {
      created++;
      return createRecorder(parts);
    });
    expect(created).toBe(0);
  });
});

describe('startDeferredVouch', () => {
  it('starts from checked options with their defaults, on the emitter it is given', async () => {
    const data = new Map<string, string>();
    const platform = createMemoryPlatform({ fetch: realFetch, storage: data });
    const emitter = createEmitter<VouchEventMap>();
    const seen: string[] = [];
    emitter.on('error', ({ message }) => seen.push(message));
    const vouch = startDeferredVouch(
      withVouchDefaults({
        site: SITE,
        endpoint: `${server.url}//`,
        platform,
        config: { consentRequired: true, attributionDays: 7, attribution: 'first', theme: {} },
      }),
      emitter,
    );
    // The config's consentRequired holds: nothing is stored before consent.
    vouch.client.identify({ id: 'customer-1' });
    expect(vouch.client.getSnapshot().identity).toEqual({ id: 'customer-1' });
    expect([...data.keys()]).toEqual([]);
    // The client's events are the given emitter's: handlers added to either see them.
    vouch.client.emit('error', { message: 'from the client' });
    vouch.client.conversion({ orderId: '', amount: 1, currency: 'EUR' });
    vouch.attach(createRecorder);
    expect(seen[0]).toBe('from the client');
    expect(seen[1]).toMatch(/orderId/);
    // The endpoint lost its trailing slashes: the page view goes to the server's path.
    vouch.client.page();
    await vouch.client.flush();
    expect(events().map((event) => event.type)).toEqual(['page']);
  });
});

describe('withVouchDefaults', () => {
  it("takes the config's settings, lets explicit options win, and checks nothing", () => {
    const platform = createMemoryPlatform({ storage: new Map() });
    const config = { consentRequired: true, attributionDays: 7, attribution: 'first' as const };
    expect(
      withVouchDefaults({
        site: 'x',
        endpoint: 'https://a.example/',
        platform,
        config: { ...config, theme: {} },
        attributionDays: 3,
      }),
    ).toMatchObject({ site: 'x', endpoint: 'https://a.example', ...config, attributionDays: 3 });
    expect(withVouchDefaults({ site: 'x', endpoint: 'e', platform })).toMatchObject({
      consentRequired: false,
      attributionDays: 30,
      attribution: 'last',
      config: undefined,
    });
  });
});
