import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVouch } from './createVouch.js';
import type { Platform } from './platform.js';
import type { ConversionRequest, ConversionResult } from './schemas/conversions.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from './testing/createMemoryPlatform.js';
import { type ApiServer, startApiServer } from './testing/startApiServer.js';
import type { VouchEventMap } from './VouchEventMap.js';
import type { VouchOptions } from './vouchOptions.js';

const SITE = 'pk_test_0123456789abcdef';
const DAY = 86_400_000;
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);
const order = { orderId: 'ord-1001', amount: 42.5, currency: 'EUR' };

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
});
afterEach(async () => {
  await server.close();
});

function setup(
  platformOptions: MemoryPlatformOptions = {},
  options: Partial<Omit<VouchOptions, 'platform'>> = {},
) {
  const platform = createMemoryPlatform({ fetch: realFetch, ...platformOptions });
  const client = createVouch({ site: SITE, endpoint: server.url, platform, ...options });
  const results: ConversionResult[] = [];
  const errors: VouchEventMap['error'][] = [];
  client.on('conversion', (result) => results.push(result));
  client.on('error', (error) => errors.push(error));
  return { platform, client, results, errors };
}

const posted = () =>
  server.requests
    .filter((request) => request.url === '/v1/conversions')
    .map((request) => JSON.parse(request.body) as ConversionRequest);

/** Ada gets her code from the server, so that a conversion can credit it. */
async function adasCode() {
  const ada = setup({ storage: new Map() });
  ada.client.identify({ id: 'ada', name: 'Ada Lovelace' });
  return (await ada.client.myReferral()).code;
}

describe('conversion: validation', () => {
  it.each([
    [{ ...order, orderId: undefined }, /"orderId": expected string/],
    [{ ...order, orderId: 'has space' }, /"orderId": must be 1–128 characters without spaces/],
    [{ ...order, amount: -1 }, /"amount": must be an amount from 0 to 10000000/],
    [{ ...order, amount: Number.NaN }, /"amount": expected number/],
    [{ ...order, amount: 1e9 }, /"amount"/],
    [{ ...order, currency: 'EURO' }, /"currency": must be an ISO 4217 currency code/],
    [{ ...order, currency: 'XXX' }, /"currency"/],
    [{ ...order, email: 'not-an-email' }, /"email": must be an email address/],
    [{ ...order, coupon: 'x' }, /"coupon": must be 3–64 letters, digits, - or _/],
    [{ ...order, total: 5 }, /"total": unknown field/],
  ])('refuses %o with a TypeError naming the field, and sends nothing', async (input, message) => {
    const { client } = setup();
    const attempt = () => client.conversion(input as never);
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(message);
    await client.flush();
    expect(posted()).toEqual([]);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('reports an amount with more decimals than its currency has, naming it, unsent', async () => {
    const { client, errors } = setup();
    client.conversion({ orderId: 'ord-yen', amount: 5.5, currency: 'JPY' });
    await client.flush();
    expect(posted()).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([
      'conversion "ord-yen" was refused: "amount": must have at most 0 decimals in JPY',
    ]);
    expect(errors[0]?.code).toBe('invalid_request');
    expect(client.getSnapshot().pending).toBe(0);
  });
});

describe('conversion: delivery', () => {
  it('posts the order with the visitor and site as a CORS-simple request, and emits the answer', async () => {
    const { client, results } = setup();
    client.conversion({ ...order, email: 'ben@example.com', coupon: 'FRIEND10' });
    expect(client.getSnapshot().pending).toBe(1);
    await client.flush();
    const request = server.requests.find((r) => r.url === '/v1/conversions');
    expect(request?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(request?.headers['x-vouch-site']).toBeUndefined();
    expect(posted()).toEqual([
      {
        ...order,
        email: 'ben@example.com',
        coupon: 'FRIEND10',
        site: SITE,
        visitor: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      },
    ]);
    expect(results).toEqual([{ orderId: 'ord-1001', status: 'none', ref: null, verified: false }]);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('carries the kept referral, the identity with its hash and the landing referrer domain', async () => {
    const code = await adasCode();
    const { client, results } = setup({
      url: `https://shop.example/soap?ref=${code}`,
      referrer: 'https://www.Deals.example/coupons?x=1',
    });
    client.captureReferral();
    client.identify({ id: 'ben', email: 'ben@example.com', hash: 'a'.repeat(64) });
    client.conversion(order);
    await client.flush();
    expect(posted()[0]).toMatchObject({
      ref: code,
      referrerDomain: 'www.deals.example',
      customer: { id: 'ben', email: 'ben@example.com', hash: 'a'.repeat(64) },
    });
    expect(results).toEqual([
      { orderId: 'ord-1001', status: 'attributed', ref: code, verified: false },
    ]);
  });

  it('leaves the referrer domain out when the shopper came from the shop itself or nowhere', async () => {
    for (const referrer of ['https://shop.example/blog', '', 'android-app://com.example']) {
      const { client } = setup({ url: 'https://shop.example/?ref=Abcd2345', referrer });
      client.captureReferral();
      client.conversion({ ...order, orderId: `ord-${posted().length}` });
      await client.flush();
      expect(posted().at(-1)).not.toHaveProperty('referrerDomain');
      expect(posted().at(-1)).toMatchObject({ ref: 'Abcd2345' });
    }
  });

  it('credits the first or the last landing as the site chooses, inside the window only', async () => {
    const data = new Map<string, string>();
    const first = setup(
      { storage: data, url: 'https://shop.example/?ref=First234' },
      {
        attribution: 'first',
      },
    );
    first.client.captureReferral();
    first.platform.advance(DAY);
    first.platform.setLocation('https://shop.example/?ref=Second23');
    first.client.captureReferral();
    first.client.conversion(order);
    await first.client.flush();
    expect(posted()[0]?.ref).toBe('First234');

    const last = setup({ url: 'https://shop.example/?ref=First234' }, { attribution: 'last' });
    last.client.captureReferral();
    last.platform.setLocation('https://shop.example/?ref=Second23');
    last.client.captureReferral();
    last.client.conversion({ ...order, orderId: 'ord-2' });
    await last.client.flush();
    expect(posted()[1]?.ref).toBe('Second23');

    const late = setup({ url: 'https://shop.example/?ref=First234' }, { attributionDays: 7 });
    late.client.captureReferral();
    late.platform.advance(7 * DAY);
    late.client.conversion({ ...order, orderId: 'ord-3' });
    await late.client.flush();
    expect(posted()[2]).not.toHaveProperty('ref');
  });

  it('sends an order once: again on the page, or after a reload of the thank-you page', async () => {
    const data = new Map<string, string>();
    const page = setup({ storage: data });
    page.client.conversion(order);
    page.client.conversion(order);
    await page.client.flush();
    page.client.conversion(order);
    await page.client.flush();
    const reload = setup({ storage: data });
    reload.client.conversion(order);
    await reload.client.flush();
    expect(posted()).toHaveLength(1);
    expect(page.results).toHaveLength(1);
    expect(reload.results).toEqual([]);
    expect(reload.client.getSnapshot().pending).toBe(0);
  });

  it('loses nothing offline: the next page sends what the last one could not', async () => {
    const data = new Map<string, string>();
    const offline = setup({ storage: data, fetch: () => Promise.reject(new TypeError('offline')) });
    offline.client.conversion(order);
    await offline.client.flush();
    expect(offline.client.getSnapshot().pending).toBe(1);
    offline.client.destroy();

    const next = setup({ storage: data });
    await next.client.flush();
    expect(posted()).toEqual([expect.objectContaining(order)]);
    expect(next.results).toEqual([expect.objectContaining({ orderId: 'ord-1001' })]);
    expect(next.client.getSnapshot().pending).toBe(0);
  });

  it('retries 5xx and 429 with backoff, honouring Retry-After, until acknowledged', async () => {
    const { client, platform, results } = setup();
    server.answerNext(
      { status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
      {
        status: 429,
        body: { error: { code: 'rate_limited', message: 'slow' } },
        headers: { 'Retry-After': '30' },
      },
    );
    client.conversion(order);
    await client.flush();
    expect(posted()).toHaveLength(1);
    // Backoff with jitter 0.5 of 1 s: the retry is due after 500 ms.
    platform.advance(500);
    await client.flush();
    expect(posted()).toHaveLength(2);
    platform.advance(29_000);
    await client.flush();
    expect(posted()).toHaveLength(2);
    platform.advance(1_000);
    await client.flush();
    expect(posted()).toHaveLength(3);
    expect(results).toHaveLength(1);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('takes a refusal as final: the error names the order and the server message', async () => {
    const data = new Map<string, string>();
    const first = setup({ storage: data });
    first.client.conversion(order);
    await first.client.flush();

    // Another browser records the same order with another total: the server refuses it.
    const other = setup();
    other.client.conversion({ ...order, amount: 99 });
    await other.client.flush();
    expect(other.errors).toEqual([
      expect.objectContaining({
        code: 'order_conflict',
        message:
          'conversion "ord-1001" was refused: Order ord-1001 was recorded with 42.5 EUR, not 99 EUR.',
      }),
    ]);
    expect(other.results).toEqual([]);
    expect(other.client.getSnapshot().pending).toBe(0);
    // Not retried, not sent again on the next page.
    other.platform.advance(600_000);
    await other.client.flush();
    expect(posted()).toHaveLength(2);
  });

  it('hands a waiting conversion to a beacon when the page is hidden', async () => {
    const { client, platform } = setup({ fetch: () => Promise.reject(new TypeError('offline')) });
    client.conversion(order);
    await client.flush();
    platform.hide();
    expect(platform.beacons).toEqual([
      {
        url: `${server.url}/v1/conversions`,
        body: expect.stringContaining('"orderId":"ord-1001"'),
      },
    ]);
    // The beacon gets no answer: the conversion stays queued until a request is acknowledged.
    expect(client.getSnapshot().pending).toBe(1);
  });

  it('keeps the conversion in memory until consent where the site requires it', async () => {
    const data = new Map<string, string>();
    const { client, results } = setup({ storage: data }, { consentRequired: true });
    client.conversion(order);
    expect(data.size).toBe(0);
    await client.flush();
    expect(results).toHaveLength(1);
    expect(data.size).toBe(0);
    client.consent(true);
    // What is remembered moves to storage with consent: a reload sends nothing new.
    expect([...data.keys()]).toContain(`vouch:${SITE}:converted`);
    const reload = setup({ storage: data }, { consentRequired: true });
    reload.client.conversion(order);
    await reload.client.flush();
    expect(posted()).toHaveLength(1);
  });

  it('drops a stored conversion that fails validation instead of sending it', async () => {
    const data = new Map<string, string>([
      [
        `vouch:${SITE}:conversions`,
        JSON.stringify([
          { orderId: 'x', amount: 'lots' },
          { ...order, site: SITE },
        ]),
      ],
    ]);
    const { client } = setup({ storage: data });
    await client.flush();
    expect(posted()).toEqual([{ ...order, site: SITE }]);
  });
});
