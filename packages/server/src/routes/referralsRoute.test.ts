import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, testProgram, useReferralKit } from '../testing/referralKit.js';

describeDatabases('browser referral routes', (harness) => {
  const kit = useReferralKit(harness);

  it("creates the customer's code once and answers the same code and link after", async () => {
    const ada = { id: kit.id('ada'), email: 'ada@example.com', name: 'Ada Lovelace' };
    const first = await kit.referral(ada, kit.id('visitor'));
    expect(first).toEqual({
      code: expect.stringMatching(/^[2-9A-HJ-NP-Za-km-z]{8}$/),
      link: `${kit.test.origin}/?ref=${first.code}`,
      friends: 0,
      rewards: [],
      verified: false,
      friendOffer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
      referrerReward: {
        value: { kind: 'amount', amount: 5, currency: 'EUR' },
        description: '€5.00 off',
      },
    });
    const again = await kit.referral({ id: ada.id });
    expect(again.code).toBe(first.code);
    const rows = await kit.database.db
      .selectFrom('customers')
      .selectAll()
      .where('merchant_id', '=', ada.id)
      .execute();
    // A later identify without e-mail or name keeps what was given before.
    expect(rows).toMatchObject([{ email: 'ada@example.com', name: 'Ada Lovelace' }]);
  });

  it('gives two concurrent first requests one code', async () => {
    const bea = { id: kit.id('bea') };
    const answers = await Promise.all(Array.from({ length: 6 }, () => kit.referral(bea)));
    expect(new Set(answers.map((a) => a.code)).size).toBe(1);
  });

  it("links to the program's landing page when it has one, keeping its parameters", async () => {
    await kit.setProgram(testProgram({ landingUrl: 'https://shop.example/welcome?lang=en#top' }));
    const answer = await kit.referral({ id: kit.id('cid') });
    expect(answer.link).toBe(`https://shop.example/welcome?lang=en&ref=${answer.code}#top`);
    await kit.setProgram(testProgram());
  });

  it('shows a landing the first name of the referrer and the friend offer', async () => {
    const { code } = await kit.referral({ id: kit.id('ada'), name: '  Ada  King Lovelace ' });
    const response = await kit.get(`/v1/referrals/${code}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(kit.test.origin);
    expect(await response.json()).toEqual({
      code,
      referrerName: 'Ada',
      offer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
      coupon: null,
      claimable: true,
    });
    const nameless = await kit.referral({ id: kit.id('anon') });
    const landing = await (await kit.get(`/v1/referrals/${nameless.code}`)).json();
    expect(landing).toMatchObject({ referrerName: null });
  });

  it('takes the key from ?site= as well, and gives a fixed friend coupon as it is', async () => {
    await kit.setProgram(
      testProgram({
        friendOffer: { value: { kind: 'percent', percent: 15 }, coupon: { code: 'FRIEND15' } },
      }),
    );
    const { code } = await kit.referral({ id: kit.id('ada') });
    const response = await kit.test.fetch(
      `/v1/referrals/${code}?site=${kit.test.created.publicKey}`,
      { headers: { origin: kit.test.origin } },
    );
    expect(await response.json()).toMatchObject({ coupon: 'FRIEND15', claimable: false });
    expect(await kit.claim(code, kit.id('visitor'))).toBe('FRIEND15');
    await kit.setProgram(testProgram());
  });

  it('answers an unknown code 404 and a malformed one 400 naming code', async () => {
    await expectError(await kit.get('/v1/referrals/NoSuchCode9'), 404, 'referral_not_found');
    const error = await expectError(
      await kit.get('/v1/referrals/no%20such!'),
      400,
      'invalid_request',
    );
    expect(error.issues).toEqual([{ path: 'code', message: expect.any(String) }]);
  });

  it("gives each visitor one friend's coupon from the pool, the same one every time", async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const ben = kit.id('visitor');
    const coupon = await kit.claim(code, ben);
    expect(coupon).toMatch(/^FRIENDS-/);
    expect(await kit.claim(code, ben)).toBe(coupon);
    const cat = await kit.claim(code, kit.id('visitor'));
    expect(cat).not.toBe(coupon);
    const claims = await kit.database.db
      .selectFrom('referral_claims')
      .selectAll()
      .where('code', '=', code)
      .execute();
    expect(claims.map((c) => c.coupon).sort()).toEqual([cat, coupon].sort());
  });

  it('refuses a claim without a visitor, for an unknown code, or when the pool is empty', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    const error = await expectError(
      await kit.post(`/v1/referrals/${code}/coupon`, {}),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((i) => i.path)).toEqual(['visitor']);
    await expectError(
      await kit.post('/v1/referrals/Unknown99/coupon', { visitor: kit.id('visitor') }),
      404,
      'referral_not_found',
    );
    await kit.setProgram(
      testProgram({
        friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'empty' } },
      }),
    );
    await expectError(
      await kit.post(`/v1/referrals/${code}/coupon`, { visitor: kit.id('visitor') }),
      409,
      'coupons_exhausted',
    );
    await kit.setProgram(testProgram());
  });

  it('names every bad field of a referral request and refuses foreign origins', async () => {
    const error = await expectError(
      await kit.post('/v1/referrals', {
        customer: { id: '', email: 'not-an-email' },
        visitor: 'x',
      }),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      'customer.email',
      'customer.id',
      'visitor',
    ]);
    const foreign = await kit.test.fetch('/v1/referrals', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ site: kit.test.created.publicKey, customer: { id: 'ada' } }),
    });
    await expectError(foreign, 403, 'origin_not_allowed');
  });

  it('says when the program is off, and shows no landing then', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    await kit.setProgram(testProgram({ enabled: false }));
    await expectError(
      await kit.post('/v1/referrals', { customer: { id: 'x' } }),
      404,
      'referral_program_off',
    );
    await expectError(await kit.get(`/v1/referrals/${code}`), 404, 'referral_not_found');
    await kit.setProgram(testProgram());
  });

  it('refuses an unverified identity when the site verifies them, and says verified otherwise', async () => {
    const ada = { id: kit.id('ada'), name: 'Ada' };
    expect((await kit.referral(kit.verified(ada))).verified).toBe(true);
    const patch = await kit.admin('/v1/admin/site', {
      method: 'PATCH',
      body: JSON.stringify({ identityVerification: true }),
    });
    expect(patch.status).toBe(200);
    for (const customer of [ada, { ...ada, hash: kit.verified({ id: 'someone-else' }).hash }]) {
      const error = await expectError(
        await kit.post('/v1/referrals', { customer }),
        403,
        'identity_not_verified',
      );
      expect(error.issues?.[0]?.path).toBe('customer.hash');
    }
    expect((await kit.referral(kit.verified(ada))).verified).toBe(true);
    await kit.admin('/v1/admin/site', {
      method: 'PATCH',
      body: JSON.stringify({ identityVerification: false }),
    });
  });
});

describeDatabases('browser referral writes under a rate limit', (harness) => {
  const kit = useReferralKit(harness, { rateLimit: { limit: 3, windowSeconds: 60 } });

  it('counts referrals, claims and conversions from one address against one budget', async () => {
    const { code } = await kit.referral({ id: kit.id('ada') });
    expect((await kit.post(`/v1/referrals/${code}/coupon`, { visitor: kit.id('v') })).status).toBe(
      200,
    );
    const order = { orderId: kit.id('order'), amount: 30, currency: 'EUR', ref: code };
    expect((await kit.convert(order)).status).toBe(200);
    const refused = await kit.post(`/v1/referrals/${code}/coupon`, { visitor: kit.id('v') });
    await expectError(refused.clone(), 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(
      await kit.convert({ ...order, orderId: kit.id('order') }),
      429,
      'rate_limited',
    );
    // The merchant's server is not limited by the shoppers' budget.
    expect((await kit.convert({ ...order, orderId: kit.id('order') }, 'server')).status).toBe(200);
    kit.clock.advance(60_000);
    expect((await kit.post(`/v1/referrals/${code}/coupon`, { visitor: kit.id('v') })).status).toBe(
      200,
    );
  });
});
