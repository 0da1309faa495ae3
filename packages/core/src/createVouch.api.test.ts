import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createVouch } from './createVouch.js';
import type { Platform } from './platform.js';
import { siteConfigSchema } from './schemas/site.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from './testing/createMemoryPlatform.js';
import { type ApiServer, type ApiServerOptions, startApiServer } from './testing/startApiServer.js';
import type { VouchOptions } from './vouchOptions.js';

const SITE = 'pk_test_0123456789abcdef';
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);

let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  serverOptions: ApiServerOptions = {},
  platformOptions: MemoryPlatformOptions = {},
  options: Partial<Omit<VouchOptions, 'platform'>> = {},
) {
  server ??= await startApiServer(serverOptions);
  const platform = createMemoryPlatform({ fetch: realFetch, ...platformOptions });
  const client = createVouch({ site: SITE, endpoint: server.url, platform, ...options });
  return { server, platform, client };
}

const calls = (path: string) => server?.requests.filter((r) => r.url.startsWith(path)) ?? [];

describe('myReferral', () => {
  it('rejects with code not_identified, without a request, when nobody is identified', async () => {
    const { client } = await setup();
    await expect(client.myReferral()).rejects.toMatchObject({
      code: 'not_identified',
      message: expect.stringMatching(/identify/),
    });
    expect(calls('/v1/referrals')).toEqual([]);
  });

  it("returns the customer's code and link, the same every time", async () => {
    const { client } = await setup();
    client.identify({ id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com' });
    const referral = await client.myReferral();
    expect(referral).toMatchObject({
      code: expect.stringMatching(/^[A-Za-z0-9]{8}$/),
      friends: 0,
      rewards: [],
      verified: false,
      friendOffer: { description: '10% off' },
    });
    expect(referral.link).toBe(`https://shop.example/?ref=${referral.code}`);
    expect((await client.myReferral()).code).toBe(referral.code);
    const [request] = calls('/v1/referrals');
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      site: SITE,
      customer: { id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com' },
      visitor: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
  });

  it('sends the identity hash; a forged one is refused when the site verifies identities', async () => {
    const secret = 'sk_test_secret';
    const hash = createHmac('sha256', secret).update('ada').digest('hex');
    const { client } = await setup({ secret, config: { identityVerification: true } });
    client.identify({ id: 'ada', hash: 'f'.repeat(64) });
    await expect(client.myReferral()).rejects.toMatchObject({
      name: 'HttpError',
      status: 401,
      code: 'identity_not_verified',
    });
    client.identify({ id: 'ada', hash });
    expect(await client.myReferral()).toMatchObject({ verified: true });
  });
});

describe('referralLanding', () => {
  async function withCode(serverOptions: ApiServerOptions = {}) {
    const ada = await setup(serverOptions);
    ada.client.identify({ id: 'ada', name: 'Ada Lovelace' });
    return (await ada.client.myReferral()).code;
  }

  it("shows the referrer's first name and the friend offer for the kept code, read once", async () => {
    const code = await withCode();
    const { client } = await setup({}, { url: `https://shop.example/?ref=${code}` });
    client.captureReferral();
    const landing = await client.referralLanding();
    expect(landing).toEqual({
      code,
      referrerName: 'Ada',
      offer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
      coupon: 'FRIEND10',
      claimable: false,
    });
    expect(await client.referralLanding(code)).toBe(landing);
    const requests = calls(`/v1/referrals/${code}`);
    expect(requests).toHaveLength(1);
    // A simple GET: the site in the query, no custom header, so no preflight.
    expect(requests[0]?.url).toBe(`/v1/referrals/${code}?site=${SITE}`);
    expect(requests[0]?.headers['x-vouch-site']).toBeUndefined();
  });

  it('is null for an unknown code (404), a malformed one (no request), or none kept', async () => {
    const { client } = await setup();
    expect(await client.referralLanding('Unknown234')).toBeNull();
    expect(calls('/v1/referrals/Unknown234')).toHaveLength(1);
    expect(await client.referralLanding('<script>')).toBeNull();
    expect(await client.referralLanding()).toBeNull();
    expect(calls('/v1/referrals')).toHaveLength(1);
  });

  it('rejects on another failure, and asks again on the next call', async () => {
    const code = await withCode();
    const { client } = await setup();
    server?.answerNext({ status: 500, body: { error: { code: 'internal', message: 'boom' } } });
    await expect(client.referralLanding(code)).rejects.toMatchObject({ status: 500 });
    expect(await client.referralLanding(code)).toMatchObject({ code });
  });
});

describe('claimCoupon', () => {
  it("gives a visitor the friend's pool coupon, the same one when asked again", async () => {
    const ada = await setup({ pool: true });
    ada.client.identify({ id: 'ada' });
    const { code } = await ada.client.myReferral();
    const ben = await setup({}, { storage: new Map() });
    expect(await ben.client.referralLanding(code)).toMatchObject({ coupon: null, claimable: true });
    const coupon = await ben.client.claimCoupon(code);
    expect(coupon).toMatch(/^POOL-\d+$/);
    expect(await ben.client.claimCoupon(code)).toBe(coupon);
    // Another visitor (memory platforms count their ids from 1, so Cleo brings her own).
    const cleosDevice = new Map([[`vouch:${SITE}:visitor`, '"cleo-visitor"']]);
    const cleo = await setup({}, { storage: cleosDevice });
    expect(await cleo.client.claimCoupon(code)).not.toBe(coupon);
    const [request] = calls(`/v1/referrals/${code}/coupon`);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      site: SITE,
      visitor: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
  });

  it('rejects a malformed code with a TypeError naming it, and an unknown one with a 404', async () => {
    const { client } = await setup();
    await expect(client.claimCoupon('no!')).rejects.toThrow(/"code"/);
    await expect(client.claimCoupon('Unknown234')).rejects.toMatchObject({
      status: 404,
      code: 'referral_not_found',
    });
  });
});

describe('siteConfig', () => {
  it('reads the site settings once per client', async () => {
    const { client, server } = await setup();
    const config = await client.siteConfig();
    expect(siteConfigSchema.parse(config)).toEqual(server.config);
    expect(await client.siteConfig()).toBe(config);
    expect(calls(`/v1/sites/${SITE}/config`)).toHaveLength(1);
  });

  it('uses the config it was given, and takes its consent and attribution defaults', async () => {
    const api = await setup();
    const config = { ...api.server.config, consentRequired: true, attributionDays: 7 };
    const data = new Map<string, string>();
    const { client } = await setup({}, { storage: data }, { config });
    expect(await client.siteConfig()).toBe(config);
    expect(calls('/v1/sites')).toEqual([]);
    client.page();
    expect(data.size).toBe(0);
  });

  it('refuses a config whose fields it uses are wrong, naming them', async () => {
    const api = await setup();
    const config = { ...api.server.config, attribution: 'middle' } as never;
    await expect(setup({}, {}, { config })).rejects.toThrow(/"config.attribution"/);
  });

  it('checks a config it was given in full before serving it, then asks the server', async () => {
    const api = await setup();
    const referral = { ...api.server.config.referral, holdDays: -1 };
    const config = { ...api.server.config, referral } as never;
    const { client } = await setup({}, {}, { config });
    await expect(client.siteConfig()).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(/"referral.holdDays"/),
    });
    expect(calls('/v1/sites')).toEqual([]);
    expect(await client.siteConfig()).toEqual(api.server.config);
    expect(calls('/v1/sites')).toHaveLength(1);
  });

  it('rejects an invalid answer, and asks again on the next call', async () => {
    const { client } = await setup();
    server?.answerNext({ status: 200, body: { site: SITE } });
    await expect(client.siteConfig()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.siteConfig()).toMatchObject({ site: SITE });
  });
});

describe('rating', () => {
  it("reads a product's average and count, or the whole site's, every rating counted", async () => {
    const { client } = await setup({ ratings: { 'sku-1': [5, 4, 1], 'sku-2': [3] } });
    expect(await client.rating('sku-1')).toEqual({
      product: 'sku-1',
      average: 3.3,
      count: 3,
      histogram: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 1 },
    });
    expect(await client.rating()).toMatchObject({ average: 3.3, count: 4 });
    expect(await client.rating('sku-9')).toMatchObject({ average: null, count: 0 });
  });

  it('refuses a malformed product id with a TypeError naming it, without a request', async () => {
    const { client } = await setup();
    await expect(client.rating('two words')).rejects.toThrow(
      '[vouch] rating: "product" must be 1–128 characters without spaces',
    );
    expect(calls(`/v1/sites/${SITE}/rating`)).toEqual([]);
  });
});

describe('testimonials', () => {
  /** An approved testimonial as the server lists it, the `n`th written. */
  const testimonial = (n: number, rating: number, product = 'sku-1') => ({
    id: `t${n}`,
    rating,
    body: `Review number ${n}, honest and kind.`,
    authorName: `Author ${n}`,
    createdAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
    product,
    verifiedBuyer: n % 2 === 0,
    incentivized: false,
  });
  const written = [
    testimonial(1, 5),
    testimonial(2, 2),
    testimonial(3, 4),
    testimonial(4, 1, 'sku-2'),
  ];

  it("reads a product's approved testimonials a page at a time, newest or highest first", async () => {
    const { client } = await setup({ testimonials: written });
    const first = await client.testimonials({ product: 'sku-1', limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual(['t3', 't2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await client.testimonials({
      product: 'sku-1',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second).toEqual({ items: [written[0]], nextCursor: null });
    const highest = await client.testimonials({ sort: 'highest' });
    expect(highest.items.map((item) => item.rating)).toEqual([5, 4, 2, 1]);
    expect(await client.testimonials()).toMatchObject({ nextCursor: null });
    // Only the fields given go in the query string; the site is in the path.
    expect(calls(`/v1/sites/${SITE}/testimonials`).map((request) => request.url)).toEqual([
      `/v1/sites/${SITE}/testimonials?product=sku-1&limit=2`,
      `/v1/sites/${SITE}/testimonials?product=sku-1&limit=2&cursor=2`,
      `/v1/sites/${SITE}/testimonials?sort=highest`,
      `/v1/sites/${SITE}/testimonials`,
    ]);
  });

  it('refuses a malformed product, sort or limit with a TypeError naming it, without a request', async () => {
    const { client } = await setup();
    await expect(client.testimonials({ product: 'two words' })).rejects.toThrow(
      '[vouch] testimonials: "product" must be 1–128 characters without spaces',
    );
    await expect(client.testimonials({ sort: 'lowest' as never })).rejects.toThrow(
      '[vouch] testimonials: "sort" must be "newest" or "highest"',
    );
    for (const limit of [0, 51, 2.5]) {
      await expect(client.testimonials({ limit })).rejects.toThrow(
        '[vouch] testimonials: "limit" must be an integer from 1 to 50',
      );
    }
    expect(calls(`/v1/sites/${SITE}/testimonials`)).toEqual([]);
  });

  it('never sends a rating filter, and rejects an answer off contract', async () => {
    const { client } = await setup({ testimonials: written });
    await client.testimonials({ minRating: 4 } as never);
    expect(calls(`/v1/sites/${SITE}/testimonials`)[0]?.url).toBe(`/v1/sites/${SITE}/testimonials`);
    server?.answerNext({
      status: 200,
      body: { items: [{ id: 't9', rating: 7 }], nextCursor: null },
    });
    await expect(client.testimonials()).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
