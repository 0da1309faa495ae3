import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { DAY_MS, testProgram, useReferralKit } from '../testing/referralKit.js';

describeDatabases('fraud rules through the API', (harness) => {
  const kit = useReferralKit(harness);

  /** Ada, with a Gmail address, her code, and the browser she asked for it on. */
  async function ada() {
    const local = kit.id('ada').replace('_', '');
    const customer = {
      id: kit.id('ada'),
      email: `${local.slice(0, 5)}.${local.slice(5)}@gmail.com`,
      name: 'Ada',
    };
    const visitor = kit.id('visitor');
    const { code } = await kit.referral(customer, visitor);
    return { customer, visitor, code, local };
  }

  /** Posts an order through `code` and answers what the admin API says about it. */
  async function convert(
    code: string,
    fields: Record<string, unknown>,
    from: 'browser' | 'server' = 'browser',
  ) {
    const orderId = kit.id('order');
    const response = await kit.convert(
      { orderId, amount: 42.5, currency: 'EUR', ref: code, ...fields },
      from,
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as { status: string };
    const listed = await kit.admin(`/v1/admin/conversions?code=${code}&limit=200`);
    const { items } = (await listed.json()) as {
      items: Array<{ orderId: string; reasons: string[]; status: string }>;
    };
    const record = items.find((item) => item.orderId === orderId);
    const rewards = await kit.admin(`/v1/admin/rewards?order=${orderId}`);
    const { items: rewardItems } = (await rewards.json()) as {
      items: Array<{ id: string; kind: string; status: string }>;
    };
    return { orderId, result, record, rewards: rewardItems };
  }

  async function expectFlagged(outcome: Awaited<ReturnType<typeof convert>>, reasons: string[]) {
    expect(outcome.result.status).toBe('review');
    expect(outcome.record).toMatchObject({ status: 'review', reasons });
    expect(outcome.rewards.map((r) => r.status)).toEqual(outcome.rewards.map(() => 'review'));
  }

  it('flags the referrer buying as themselves', async () => {
    const { code, customer } = await ada();
    await expectFlagged(await convert(code, { customer: { id: customer.id } }), [
      'self_referral_customer',
    ]);
  });

  it('flags the same mailbox behind dots, a +tag and googlemail', async () => {
    const { code, local } = await ada();
    const email = `${local}+deal@GoogleMail.com`;
    await expectFlagged(await convert(code, { email }), ['self_referral_email']);
  });

  it("flags an order from the referrer's own browser", async () => {
    const { code, visitor } = await ada();
    await expectFlagged(await convert(code, { visitor }), ['self_referral_browser']);
  });

  it('flags a "friend" who had ordered before', async () => {
    const { code } = await ada();
    const email = `${kit.id('ben')}@example.org`;
    await kit.convert({ orderId: kit.id('order'), amount: 12, currency: 'EUR', email });
    await expectFlagged(await convert(code, { email }), ['existing_customer']);
  });

  it('flags a "friend" the shop knew before they followed the link', async () => {
    const { code } = await ada();
    const ben = { id: kit.id('ben') };
    await kit.referral(ben);
    kit.clock.advance(DAY_MS);
    const visitor = kit.id('visitor');
    const coupon = await kit.claim(code, visitor);
    await expectFlagged(await convert(code, { customer: ben, visitor, coupon }), [
      'existing_customer',
    ]);
    // A friend who becomes known after landing is new.
    const cat = { id: kit.id('cat') };
    const catVisitor = kit.id('visitor');
    await kit.claim(code, catVisitor);
    kit.clock.advance(60_000);
    await kit.referral(cat);
    const fresh = await convert(code, { customer: cat, visitor: catVisitor });
    expect(fresh.result.status).toBe('attributed');
  });

  it('flags friends sent by a blocked site', async () => {
    const { code } = await ada();
    await expectFlagged(await convert(code, { referrerDomain: 'www.coupons.example' }), [
      'blocked_referrer_domain',
    ]);
    expect((await convert(code, { referrerDomain: 'mycoupons.example' })).result.status).toBe(
      'attributed',
    );
  });

  it('flags orders past the hourly limit of a code, and not after the hour', async () => {
    await kit.setProgram(
      testProgram({
        fraud: { ...testProgram().fraud, maxConversionsPerCodePerHour: 3 },
      }),
    );
    try {
      const { code } = await ada();
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await convert(code, { customer: { id: kit.id('friend') } })).result.status);
        kit.clock.advance(60_000);
      }
      expect(statuses).toEqual(['attributed', 'attributed', 'attributed', 'review']);
      kit.clock.advance(60 * 60_000);
      expect((await convert(code, { customer: { id: kit.id('friend') } })).result.status).toBe(
        'attributed',
      );
    } finally {
      await kit.setProgram(testProgram());
    }
  });

  it('flags throwaway mailboxes, built-in and listed by the program', async () => {
    const { code } = await ada();
    await expectFlagged(await convert(code, { email: 'ben@mailinator.com' }), ['disposable_email']);
    await expectFlagged(await convert(code, { email: 'ben@burner.example' }), ['disposable_email']);
  });

  it('pays nothing flagged by itself, even verified and held, until a person approves it', async () => {
    const { code, customer } = await ada();
    const flagged = await convert(code, { customer: { id: customer.id } }, 'server');
    await expectFlagged(flagged, ['self_referral_customer']);
    kit.clock.advance(30 * DAY_MS);
    const listed = await kit.admin(`/v1/admin/rewards?order=${flagged.orderId}`);
    const { items } = (await listed.json()) as { items: Array<{ id: string; status: string }> };
    expect(items.map((r) => r.status)).toEqual(['review']);
    const decided = await kit.admin(`/v1/admin/rewards/${items[0]?.id}/approve`, {
      method: 'POST',
    });
    expect(await decided.json()).toMatchObject({
      status: 'approved',
      coupon: expect.stringMatching(/^THANKS-/),
    });
    const stored = await kit.database.db
      .selectFrom('conversions')
      .select(['status', 'reasons'])
      .where('order_id', '=', flagged.orderId)
      .executeTakeFirstOrThrow();
    // The conversion keeps its history: flagged, and why.
    expect(stored).toEqual({ status: 'review', reasons: '["self_referral_customer"]' });
  });
});
