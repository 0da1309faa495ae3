import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { DAY_MS, expectError, useReferralKit } from '../testing/referralKit.js';
import { shareProgramFixture } from '../testing/shareProgramFixture.js';

describeDatabases('GET /v1/admin/shares/report', (harness) => {
  const kit = useReferralKit(harness);

  async function report(query = '') {
    const response = await kit.admin(`/v1/admin/shares/report${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  }

  it('counts shares, distinct friends and their purchases per channel, with totals', async () => {
    const set = await kit.admin('/v1/admin/share-program', {
      method: 'PUT',
      body: JSON.stringify(shareProgramFixture({ channels: ['whatsapp', 'x', 'email'] })),
    });
    expect(set.status).toBe(200);
    expect(await report()).toEqual({
      tz: 'UTC',
      from: null,
      to: null,
      channels: [
        { channel: 'whatsapp', shares: 0, visits: 0, purchases: 0 },
        { channel: 'x', shares: 0, visits: 0, purchases: 0 },
        { channel: 'email', shares: 0, visits: 0, purchases: 0 },
      ],
      totals: { shares: 0, visits: 0, purchases: 0 },
    });

    // Day 1 (2030-03-01): Ada shares on WhatsApp twice and on X once; Ben and Cleo come
    // through WhatsApp, Dan through X; Ada opens her own link (not a friend).
    const ada = kit.verified({ id: kit.id('ada') });
    const adaBrowser = kit.id('v');
    const { code } = await kit.referral(ada, adaBrowser);
    for (const channel of ['whatsapp', 'whatsapp', 'x']) {
      const response = await kit.post('/v1/shares', {
        id: kit.id('share'),
        channel,
        visitor: adaBrowser,
        customer: ada,
      });
      expect(response.status).toBe(200);
    }
    const [ben, cleo, dan] = [kit.id('ben'), kit.id('cleo'), kit.id('dan')];
    for (const [visitor, channel] of [
      [ben, 'whatsapp'],
      [cleo, 'whatsapp'],
      [dan, 'x'],
      [adaBrowser, 'whatsapp'],
    ]) {
      await kit.post('/v1/shares/visits', { code, channel, visitor });
    }
    // Ben buys through the code (credited), Dan buys without it (not credited).
    const order = (visitor: string, ref?: string) => ({
      orderId: kit.id('order'),
      amount: 40,
      currency: 'EUR',
      visitor,
      ...(ref && { ref }),
    });
    expect((await kit.convert(order(ben as string, code))).status).toBe(200);
    expect((await kit.convert(order(dan as string))).status).toBe(200);

    // Day 2: one more share on a channel the program does not list, and one visit.
    kit.clock.advance(DAY_MS);
    await kit.post('/v1/shares', { id: kit.id('share'), channel: 'copy', visitor: adaBrowser });
    await kit.post('/v1/shares/visits', { code, channel: 'email', visitor: kit.id('eve') });

    expect(await report()).toEqual({
      tz: 'UTC',
      from: null,
      to: null,
      channels: [
        { channel: 'whatsapp', shares: 2, visits: 2, purchases: 1 },
        { channel: 'x', shares: 1, visits: 1, purchases: 0 },
        { channel: 'email', shares: 0, visits: 1, purchases: 0 },
        { channel: 'copy', shares: 1, visits: 0, purchases: 0 },
      ],
      totals: { shares: 4, visits: 4, purchases: 1 },
    });
    const dayOne = await report('?from=2030-03-01&to=2030-03-01');
    expect(dayOne).toMatchObject({
      from: '2030-03-01',
      to: '2030-03-01',
      totals: { shares: 3, visits: 3, purchases: 1 },
    });
    const dayTwo = await report('?from=2030-03-02');
    expect(dayTwo).toMatchObject({ totals: { shares: 1, visits: 1, purchases: 0 } });
  });

  it('names a bad date or zone', async () => {
    const error = await expectError(
      await kit.admin('/v1/admin/shares/report?from=yesterday&tz=Mars/Olympus'),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['from', 'tz']);
  });

  it('needs the secret key', async () => {
    expect((await kit.test.fetch('/v1/admin/shares/report')).status).toBe(401);
  });
});
