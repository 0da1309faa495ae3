import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversionRecord, ReferralProgram } from '../../packages/core/src/index.js';
import {
  identityHash,
  migrate,
  openDatabase,
  type VouchDatabase,
} from '../../packages/server/src/index.js';
import { startTestShop, type TestShop } from '../support/startShop.js';

// The example shop's side of the referral loop without a browser: how it sets up the
// demo site on first and later starts, and its own server API (coupons and orders).

type Pools = { pools: Array<{ pool: string; total: number; issued: number; left: number }> };
type Settings = { program: ReferralProgram | null };

/** `POST /api/orders` of the shop, as its checkout page sends it. */
async function order(shop: TestShop, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${shop.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const TWO_OATS = [{ sku: 'oat-and-honey', quantity: 2 }];

describe('example shop: demo site set-up on first and later starts', () => {
  let dataDir: string;
  let database: VouchDatabase;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vouch-shop-demo-'));
    database = openDatabase({ file: join(dataDir, 'vouch.db') });
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('first start: keeps the secret key for the shop (mode 600), sets the program, uploads the pool', async () => {
    const shop = await startTestShop({ dataDir, database });
    try {
      const siteFile = join(dataDir, 'demo-site.json');
      expect(statSync(siteFile).mode & 0o777).toBe(0o600);
      const saved = JSON.parse(readFileSync(siteFile, 'utf8'));
      expect(saved).toMatchObject({ publicKey: 'pk_demo_lather_and_leaf_0001' });
      expect(saved.secretKey).toBe(shop.secretKey);
      expect(shop.running.demo?.created).toBe(true);

      const csv = readFileSync(join(dataDir, 'shop', 'friend-10.csv'), 'utf8').split('\n');
      expect(csv[0]).toBe('code');
      expect(csv.slice(1, -1)).toHaveLength(500);
      expect(new Set(csv.slice(1, -1)).size).toBe(500);
      for (const code of csv.slice(1, -1)) expect(code).toMatch(/^LL10-[2-9A-HJ-NP-Z]{8}$/);

      const pools = await shop.api<Pools>('/v1/admin/coupons');
      expect(pools.body.pools).toEqual([
        { pool: 'friend-10', total: 500, issued: 0, left: 500 },
        { pool: 'share-5', total: 500, issued: 0, left: 500 },
      ]);
      const settings = await shop.api<Settings>('/v1/admin/referral-program');
      expect(settings.body.program).toMatchObject({
        enabled: true,
        friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'friend-10' } },
        referrerReward: { value: { kind: 'credit', amount: 5, currency: 'GBP' } },
        holdDays: 7,
        landingUrl: `${shop.url}/`,
      });
      const site = await shop.api<{ identityVerification: boolean }>('/v1/admin/site');
      expect(site.body.identityVerification).toBe(true);

      // Pages see the program in plain words, in the site's locale.
      const config = await fetch(`${shop.url}/v1/sites/pk_demo_lather_and_leaf_0001/config`, {
        headers: { origin: shop.url },
      });
      expect(await config.json()).toMatchObject({
        identityVerification: true,
        referral: {
          friendOffer: { description: '10% off' },
          referrerReward: { description: '£5.00 store credit' },
        },
      });

      // A merchant's own change to the program, which a later start must keep.
      const changed = await shop.api('/v1/admin/referral-program', {
        method: 'PUT',
        body: JSON.stringify({ ...settings.body.program, holdDays: 3 }),
      });
      expect(changed.status).toBe(200);
    } finally {
      await shop.close();
    }
  });

  it('a later start on another port uploads nothing again and moves only the landing page', async () => {
    const shop = await startTestShop({ dataDir, database });
    try {
      expect(shop.running.demo?.created).toBe(false);
      expect(shop.running.demo?.secretKey).toBeUndefined();
      expect(shop.running.demo?.changes).toEqual([`referral links now open ${shop.url}/`]);
      const pools = await shop.api<Pools>('/v1/admin/coupons');
      expect(pools.body.pools).toEqual([
        { pool: 'friend-10', total: 500, issued: 0, left: 500 },
        { pool: 'share-5', total: 500, issued: 0, left: 500 },
      ]);
      const settings = await shop.api<Settings>('/v1/admin/referral-program');
      expect(settings.body.program).toMatchObject({ holdDays: 3, landingUrl: `${shop.url}/` });
    } finally {
      await shop.close();
    }
  });

  it('a new coupon export is uploaded once; a lost site file leaves the demo unconfigured, saying so', async () => {
    unlinkSync(join(dataDir, 'shop', 'friend-10.csv'));
    const shop = await startTestShop({ dataDir, database });
    try {
      const pools = await shop.api<Pools>('/v1/admin/coupons');
      expect(pools.body.pools).toEqual([
        { pool: 'friend-10', total: 1000, issued: 0, left: 1000 },
        { pool: 'share-5', total: 500, issued: 0, left: 500 },
      ]);
      expect(shop.running.demo?.changes).toEqual([
        `referral links now open ${shop.url}/`,
        'coupon pool "friend-10": 500 codes uploaded, 0 already there',
      ]);
    } finally {
      await shop.close();
    }
    unlinkSync(join(dataDir, 'demo-site.json'));
    await expect(startTestShop({ dataDir, database })).rejects.toThrow(
      'the demo site has no secret key for the shop server',
    );
  });
});

describe('example shop: its own server API (coupons and orders)', () => {
  let shop: TestShop;
  let coupons: string[];

  beforeAll(async () => {
    shop = await startTestShop();
    coupons = readFileSync(join(shop.dataDir, 'shop', 'friend-10.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('prices an order on the server, signs the identity and confirms the order to vouch', async () => {
    const placed = await order(shop, { ...ADA, items: TWO_OATS });
    expect(placed.status).toBe(201);
    const { order: made, customer } = placed.body;
    expect(made).toMatchObject({
      id: expect.stringMatching(/^LL-\d{6}$/),
      subtotal: 1500,
      discount: 0,
      total: 1500,
      coupon: null,
      currency: 'GBP',
      confirmation: { status: 'none' },
    });
    expect(customer).toEqual({
      id: expect.stringMatching(/^cus_/),
      email: ADA.email,
      name: ADA.name,
      hash: identityHash(shop.secretKey, customer.id),
    });
    const recorded = await shop.api<{ items: ConversionRecord[] }>(
      `/v1/admin/conversions?customer=${customer.id}`,
    );
    expect(recorded.body.items).toMatchObject([
      { orderId: made.id, amount: 15, currency: 'GBP', verified: true, email: ADA.email },
    ]);

    // The same e-mail, in another case, is the same customer.
    const again = await order(shop, { email: 'ADA@example.com', name: 'Ada', items: TWO_OATS });
    expect(again.body.customer.id).toBe(customer.id);
  });

  it('takes a code of its own export once, case-insensitively, and refuses the rest', async () => {
    const code = coupons[0] ?? '';
    const check = await fetch(`${shop.url}/api/coupons/${code.toLowerCase()}`);
    expect(await check.json()).toEqual({ code, valid: true, percentOff: 10 });

    const used = await order(shop, { ...ADA, items: TWO_OATS, coupon: ` ${code.toLowerCase()} ` });
    expect(used.status).toBe(201);
    expect(used.body.order).toMatchObject({
      subtotal: 1500,
      discount: 150,
      total: 1350,
      coupon: code,
    });

    const twice = await order(shop, { ...ADA, items: TWO_OATS, coupon: code });
    expect(twice).toEqual({
      status: 409,
      body: {
        error: {
          code: 'coupon_used',
          field: 'coupon',
          message: 'This code has already been used.',
        },
      },
    });
    const unknown = await order(shop, { ...ADA, items: TWO_OATS, coupon: 'FRIEND42' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'coupon_invalid', field: 'coupon' });
    expect(await (await fetch(`${shop.url}/api/coupons/${code}`)).json()).toMatchObject({
      valid: false,
      used: true,
    });
  });

  it('refuses a bad order naming the field, and records nothing for it', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...ADA, email: 'not-an-address', items: TWO_OATS }, 'email'],
      [{ ...ADA, name: '  ', items: TWO_OATS }, 'name'],
      [{ ...ADA, items: [] }, 'items'],
      [{ ...ADA, items: [{ sku: 'rose-soap', quantity: 1 }] }, 'items.0.sku'],
      [{ ...ADA, items: [{ sku: 'oat-and-honey', quantity: 0 }] }, 'items.0.quantity'],
      [{ ...ADA, items: [{ sku: 'oat-and-honey', quantity: 2.5 }] }, 'items.0.quantity'],
      [{ ...ADA, items: TWO_OATS, coupon: 42 }, 'coupon'],
      ['{ not json', 'body'],
    ];
    const before = (await shop.api<{ items: unknown[] }>('/v1/admin/conversions')).body.items;
    for (const [body, field] of cases) {
      const answer = await order(shop, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error, field).toMatchObject({ code: 'invalid', field });
      expect(answer.body.error.message, field).toMatch(
        new RegExp(`^${field.replace(/\./g, '\\.')}: `),
      );
    }
    const huge = await order(shop, { ...ADA, items: TWO_OATS, note: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    const after = (await shop.api<{ items: unknown[] }>('/v1/admin/conversions')).body.items;
    expect(after).toEqual(before);
  });
});
