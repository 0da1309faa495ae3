import type { ReferralProgram } from '@vouch/core/schemas';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { loadReferralProgram } from '../referralProgram/loadReferralProgram.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { issuePaths } from '../testing/issuePaths.js';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases('GET and PUT /v1/admin/referral-program', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  let other: TestApp;
  let clock = Date.now();
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database);
    // A second instance on the same database, whose site cache runs on a clock we move.
    other = await startTestApp(database, { now: () => clock });
  });
  afterAll(async () => {
    await test.close();
    await other.close();
  });

  const auth = () => ({ authorization: `Bearer ${test.created.secretKey}` });
  const put = (body: unknown) =>
    test.fetch('/v1/admin/referral-program', {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async () =>
    (await (await test.fetch('/v1/admin/referral-program', { headers: auth() })).json()) as {
      program: ReferralProgram | null;
      warnings: Array<{ path: string; message: string }>;
    };
  const config = async (app: TestApp) =>
    (await (
      await app.fetch(`/v1/sites/${test.created.publicKey}/config`, {
        headers: { origin: test.origin },
      })
    ).json()) as { referral: unknown; identityVerification: boolean };

  it('answers null before a program is set', async () => {
    expect(await get()).toEqual({ program: null, warnings: [] });
    expect((await config(test)).referral).toBeNull();
  });

  it('stores a program, warns of an empty pool, and shows it to the site config at once', async () => {
    expect((await config(other)).referral).toBeNull();
    const program = referralProgramFixture();
    const response = await put(program);
    expect(response.status).toBe(200);
    const warning = {
      path: 'referrerReward.coupon.pool',
      message: 'pool "referrer" has no coupons yet; upload them before the program goes live',
    };
    expect(await response.json()).toEqual({ program, warnings: [warning] });
    expect(await get()).toEqual({ program, warnings: [warning] });
    expect(await loadReferralProgram(database, test.created.site.id)).toEqual(program);

    const referral = {
      friendOffer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
      referrerReward: {
        value: { kind: 'amount', amount: 5, currency: 'EUR' },
        description: '€5.00 off',
      },
      minOrderAmount: 20,
      currency: 'EUR',
      holdDays: 14,
    };
    expect((await config(test)).referral).toEqual(referral);
    // Another instance keeps its cached settings until its cache time has passed.
    expect((await config(other)).referral).toBeNull();
    clock += 5001;
    expect((await config(other)).referral).toEqual(referral);
  });

  it('names every bad field and changes nothing', async () => {
    const before = await get();
    const response = await put({
      ...referralProgramFixture(),
      friendOffer: { value: { kind: 'percent', percent: 150 } },
      referrerReward: { value: { kind: 'amount', amount: -5, currency: 'EURO' } },
      holdDays: 1.5,
      surprise: true,
    });
    expect(await issuePaths(response)).toEqual([
      '(root)',
      'friendOffer.value.percent',
      'holdDays',
      'referrerReward.value.amount',
      'referrerReward.value.currency',
    ]);
    expect(await get()).toEqual(before);
  });

  it('refuses a discount without a coupon, after the schema has passed', async () => {
    const response = await put(
      referralProgramFixture({ friendOffer: { value: { kind: 'percent', percent: 10 } } }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { issues: [{ path: 'friendOffer.coupon' }] },
    });
  });

  it('turns the program off without forgetting it', async () => {
    const off = referralProgramFixture({ enabled: false });
    expect((await put(off)).status).toBe(200);
    expect((await get()).program).toEqual(off);
    expect(await loadReferralProgram(database, test.created.site.id)).toBeNull();
    expect((await config(test)).referral).toBeNull();
  });

  it('answers 413 for a body over the limit and 400 for one that is not JSON', async () => {
    const big = await put({ ...referralProgramFixture(), padding: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
    const broken = await test.fetch('/v1/admin/referral-program', {
      method: 'PUT',
      headers: auth(),
      body: '{"enabled":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });
});
