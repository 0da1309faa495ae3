import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVouch } from '../createVouch.js';
import type { Platform } from '../platform.js';
import { bannerDismissalKey, couponDismissalKey } from '../referrals/offerDismissalKeys.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from '../testing/createMemoryPlatform.js';
import { type ApiServer, startApiServer } from '../testing/startApiServer.js';

// The conversion path marks the friend offers a purchase used as dismissed, through the
// client's consent-aware dismissals, so that a referral banner stops offering them.

const SITE = 'pk_test_0123456789abcdef';
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);
const order = { orderId: 'ord-2001', amount: 13.5, currency: 'GBP' };

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
});
afterEach(async () => {
  await server.close();
});

function setup(platformOptions: MemoryPlatformOptions = {}, consentRequired = false) {
  const platform = createMemoryPlatform({ fetch: realFetch, ...platformOptions });
  const client = createVouch({ site: SITE, endpoint: server.url, platform, consentRequired });
  return { platform, client };
}

/** Ada's code, from the server, so that a landing on it is a real referral. */
async function adasCode() {
  const ada = setup({ storage: new Map() });
  ada.client.identify({ id: 'ada', name: 'Ada Lovelace' });
  return (await ada.client.myReferral()).code;
}

describe('conversions dismiss the friend offers they used', () => {
  it('dismisses the landing code and the coupon once acknowledged, before `conversion`', async () => {
    const code = await adasCode();
    const data = new Map<string, string>();
    const { client } = setup({ storage: data, url: `https://shop.example/?ref=${code}` });
    client.captureReferral();
    const seen: boolean[] = [];
    client.on('conversion', () =>
      seen.push(
        client.dismissed(bannerDismissalKey(code)),
        client.dismissed(couponDismissalKey('friend10')),
      ),
    );
    client.conversion({ ...order, coupon: 'FRIEND10' });
    expect(client.dismissed(bannerDismissalKey(code))).toBe(false);

    await client.flush();
    expect(seen).toEqual([true, true]);
    // The next page (same storage) knows too.
    const next = setup({ storage: data });
    expect(next.client.dismissed(bannerDismissalKey(code))).toBe(true);
    expect(next.client.dismissed(couponDismissalKey('FRIEND10'))).toBe(true);
    expect(next.client.dismissed(bannerDismissalKey('Zzzz2345'))).toBe(false);
  });

  it('dismisses the code the server credited, when the order carried only a coupon', async () => {
    const { client } = setup();
    server.answerNext({
      status: 200,
      body: { orderId: order.orderId, status: 'attributed', ref: 'Ada7KQ2m', verified: false },
    });
    client.conversion({ ...order, coupon: 'POOL-7' });
    await client.flush();
    expect(client.dismissed(bannerDismissalKey('Ada7KQ2m'))).toBe(true);
    expect(client.dismissed(couponDismissalKey('POOL-7'))).toBe(true);
  });

  it('dismisses nothing for an order not acknowledged, refused, or without a referral', async () => {
    const code = await adasCode();
    const landing = `https://shop.example/?ref=${code}`;
    const offline = setup({ url: landing, fetch: () => Promise.reject(new TypeError('offline')) });
    offline.client.captureReferral();
    offline.client.conversion({ ...order, coupon: 'FRIEND10' });
    await offline.client.flush();
    expect(offline.client.getSnapshot().pending).toBeGreaterThan(0); // still waiting
    expect(offline.client.dismissed(bannerDismissalKey(code))).toBe(false);
    offline.client.destroy();

    const refused = setup({ url: landing });
    refused.client.captureReferral();
    await refused.client.flush(); // the landing event first, so the 409 is the order's
    server.answerNext({
      status: 409,
      body: { error: { code: 'order_conflict', message: 'Another total.' } },
    });
    refused.client.conversion({ ...order, coupon: 'FRIEND10' });
    await refused.client.flush();
    expect(refused.client.getSnapshot().pending).toBe(0);
    expect(refused.client.dismissed(bannerDismissalKey(code))).toBe(false);
    expect(refused.client.dismissed(couponDismissalKey('FRIEND10'))).toBe(false);

    const data = new Map<string, string>();
    const plain = setup({ storage: data });
    plain.client.conversion({ ...order, orderId: 'ord-2002' });
    await plain.client.flush();
    expect([...data.keys()].filter((key) => key.endsWith(':dismissed'))).toEqual([]);
  });

  it('keeps the dismissal in memory only until consent where the site requires it', async () => {
    const code = await adasCode();
    const data = new Map<string, string>();
    const { client } = setup({ storage: data, url: `https://shop.example/?ref=${code}` }, true);
    client.captureReferral();
    client.conversion(order);
    await client.flush();
    expect(client.dismissed(bannerDismissalKey(code))).toBe(true);
    expect([...data.keys()]).toEqual([]);

    client.consent(true);
    expect(setup({ storage: data }, true).client.dismissed(bannerDismissalKey(code))).toBe(true);
  });
});
