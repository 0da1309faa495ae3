import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ConversionRecord,
  ConversionResult,
  ErrorBody,
  ReferralRecord,
  RewardRecord,
} from '../../packages/core/src/index.js';
import { describeWithChromium } from '../support/chromium.js';
import { placeOrder } from '../support/shopOrders.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { type PageWatch, watchPage } from '../support/watchPage.js';

// The whole referral loop in the example shop, as two people in two browsers live it:
// Ada buys and gets her link; Ben opens it, sees the banner, buys with its coupon; Ada's
// reward is pending, then approved once vouch's clock has passed the hold.

const DAY = 24 * 60 * 60 * 1000;
const ADA = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const BEN = { email: 'ben.jones@example.net', name: 'Ben Jones' };
const LAST_ORDER = 'lather-and-leaf:last-order';

/** The first page of an admin list. */
type Page1<T> = { items: T[]; next: string | null };

/** What the card and the banner say while they load or fail: never an error here. */
function expectQuiet(watch: PageWatch, expectedErrors: string[] = []) {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual(expectedErrors);
}

/** Places an order as `buyer`; with a coupon, the checkout shows its discount first. */
function buy(
  page: Page,
  shop: TestShop,
  buyer: { email: string; name: string },
  coupon?: string,
): Promise<string> {
  if (!coupon) return placeOrder(page, shop.url, buyer);
  return placeOrder(page, shop.url, buyer, {
    coupon,
    // £15.00 for two bars, £1.50 off: the summary says so before the order is placed.
    async beforePlacing() {
      await page.getByText(`Discount (${coupon})`).waitFor();
      await page.getByText('Total: £13.50').waitFor();
    },
  });
}

/** The shopper's link as their referral card shows it, once it has loaded. */
async function referralLink(page: Page): Promise<string> {
  const field = page.getByLabel('Your referral link');
  await field.waitFor({ timeout: 20_000 });
  return field.inputValue();
}

/** Opens the card's list of rewards, as the shopper does (it is behind a disclosure). */
async function openRewards(page: Page): Promise<void> {
  const summary = page.locator('[data-vouch-part="rewards"] summary');
  await summary.click();
  await page.locator('[data-vouch-part="rewards"] details[open]').waitFor();
}

/** The rewards the card lists, as `status: text`. */
function cardRewards(page: Page): Promise<string[]> {
  return page
    .locator('[data-vouch-part="rewards"] li')
    .evaluateAll((items) =>
      items.map((item) => `${item.getAttribute('data-status')}: ${item.textContent}`),
    );
}

/** The customer id the shop's server gave the last order of this tab. */
function lastCustomerId(page: Page): Promise<string> {
  return page.evaluate(
    (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null')?.customer?.id,
    LAST_ORDER,
  );
}

describeWithChromium('referral loop in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;
  let ada: BrowserContext;
  let ben: BrowserContext;
  let adaPage: Page;
  let benPage: Page;
  let adaWatch: PageWatch;
  let benWatch: PageWatch;
  let adaLink = '';
  let adaCode = '';
  let adaCustomer = '';
  let benOrder = '';
  let benCoupon = '';

  /** The admin API's first page of `path`, e.g. `/v1/admin/rewards?code=…`. */
  async function admin<T>(path: string): Promise<Page1<T>> {
    const { status, body } = await shop.api<Page1<T>>(path);
    expect(status, path).toBe(200);
    return body;
  }
  const conversions = (query: string) => admin<ConversionRecord>(`/v1/admin/conversions?${query}`);
  const rewards = (query: string) => admin<RewardRecord>(`/v1/admin/rewards?${query}`);

  beforeAll(async () => {
    shop = await startTestShop();
    // Contexts outlive one test here: the story runs through several.
    ada = await chromium.browser().newContext();
    ben = await chromium.browser().newContext();
    await ben.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.url });
    // Layout shifts of every page Ben opens, from the first paint on.
    await ben.addInitScript(() => {
      const shifts: number[] = [];
      Object.defineProperty(window, '__layoutShifts', { value: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
          shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    adaPage = await ada.newPage();
    benPage = await ben.newPage();
    adaWatch = watchPage(adaPage);
    benWatch = watchPage(benPage);
  });

  afterAll(async () => {
    await ada?.close();
    await ben?.close();
    await shop?.close();
  });

  it('Ada buys and gets her own referral link on the thank-you page', async () => {
    const order = await buy(adaPage, shop, ADA);
    adaLink = await referralLink(adaPage);
    const url = new URL(adaLink);
    expect(`${url.origin}${url.pathname}`).toBe(`${shop.url}/`);
    adaCode = url.searchParams.get('ref') ?? '';
    expect(adaCode).toMatch(/^[A-HJ-NP-Za-km-z2-9]{8}$/);
    await adaPage.getByText('Give your friends 10% off').waitFor();

    // The same link every time: after a reload and on the refer-a-friend page.
    await adaPage.reload();
    expect(await referralLink(adaPage)).toBe(adaLink);
    await adaPage.goto(`${shop.url}/refer/`);
    expect(await referralLink(adaPage)).toBe(adaLink);

    adaCustomer = (await admin<ReferralRecord>('/v1/admin/referrals')).items[0]?.customer.id ?? '';
    expect(adaCustomer).toMatch(/^cus_/);
    expect((await conversions(`customer=${adaCustomer}`)).items).toMatchObject([
      { orderId: order, amount: 15, currency: 'GBP', status: 'none', verified: true },
    ]);
    expectQuiet(adaWatch);
  });

  it('Ben opens her link in his own browser: the banner gives him a coupon, without a layout shift', async () => {
    await benPage.goto(adaLink);
    await benPage.getByText('Ada gave you 10% off').waitFor();
    const field = benPage.getByLabel('Your code, for the checkout');
    benCoupon = await field.inputValue();
    expect(benCoupon).toMatch(/^LL10-[2-9A-HJ-NP-Z]{8}$/);

    await benPage.getByRole('button', { name: 'Copy code' }).click();
    await benPage.getByText('Code copied.').waitFor();
    expect(await benPage.evaluate(() => navigator.clipboard.readText())).toBe(benCoupon);

    // The banner is fixed: it moved nothing on the page.
    await benPage.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const shifts = await benPage.evaluate(
      () => (window as unknown as { __layoutShifts: number[] }).__layoutShifts,
    );
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    const position = await benPage
      .locator('[data-vouch="referral-banner"]')
      .evaluate((host) => getComputedStyle(host).position);
    expect(position).toBe('fixed');

    // The same coupon on any later page, until Ben dismisses the banner: then for good.
    await benPage.goto(`${shop.url}/products/lavender-fields/`);
    await benPage.getByText('Ada gave you 10% off').waitFor();
    expect(await benPage.getByLabel('Your code, for the checkout').inputValue()).toBe(benCoupon);
    await benPage.getByRole('button', { name: 'Dismiss the offer' }).click();
    await benPage.getByText('Ada gave you 10% off').waitFor({ state: 'detached' });
    await benPage.reload();
    await benPage.getByRole('heading', { name: 'Lavender Fields' }).waitFor();
    // Long enough for the banner to have shown, were it going to.
    await benPage.waitForTimeout(1500);
    expect(await benPage.getByText('Ada gave you 10% off').count()).toBe(0);
    expectQuiet(benWatch);
  });

  it('Ben buys with the coupon; the order is credited to Ada and confirmed by the shop', async () => {
    benOrder = await buy(benPage, shop, BEN, benCoupon);
    await benPage.getByText(`Discount (${benCoupon})`).waitFor();
    await benPage.getByText('Total: £13.50').waitFor();
    // Ben gets his own link too.
    const benLink = await referralLink(benPage);
    expect(new URL(benLink).searchParams.get('ref')).not.toBe(adaCode);

    const conversion = await waitFor(async () => {
      const { items } = await conversions(`code=${adaCode}`);
      const found = items.find((item) => item.orderId === benOrder);
      return found?.verified ? found : undefined;
    });
    expect(conversion).toMatchObject({
      orderId: benOrder,
      amount: 13.5,
      currency: 'GBP',
      status: 'attributed',
      verified: true,
      ref: adaCode,
      coupon: benCoupon,
      email: BEN.email,
      reasons: [],
    });
    // The same coupon cannot be used twice at the shop.
    const again = await fetch(`${shop.url}/api/coupons/${benCoupon}`);
    expect(await again.json()).toMatchObject({ valid: false, used: true });
    expectQuiet(benWatch);
  });

  it("Ada's reward is pending, and approved once the hold has passed", async () => {
    await adaPage.goto(`${shop.url}/refer/`);
    await referralLink(adaPage);
    await openRewards(adaPage);
    await adaPage.locator('[data-vouch-part="rewards"] li[data-status="pending"]').waitFor();
    expect(await cardRewards(adaPage)).toEqual([
      expect.stringMatching(/^pending: £5\.00 store credit \(a friend's order\): pending until /),
    ]);
    const stats = await adaPage
      .locator('.vouch-stats > div')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
        ),
      );
    expect(stats).toEqual(['Friends who ordered: 1', 'Rewards earned: 0', 'Rewards pending: 1']);

    const [reward] = (await rewards(`code=${adaCode}&reason=friend`)).items;
    expect(reward).toMatchObject({
      orderId: benOrder,
      customer: adaCustomer,
      status: 'pending',
      verified: true,
      value: { kind: 'credit', amount: 5, currency: 'GBP' },
    });
    const approvesAt = Date.parse(reward?.approvesAt ?? '');
    expect(approvesAt - Date.now()).toBeGreaterThan(6 * DAY);

    // Six days on, it still waits; eight days on, the hold of seven days is over.
    shop.clock.advance(6 * DAY);
    await adaPage.reload();
    await openRewards(adaPage);
    await adaPage.locator('[data-vouch-part="rewards"] li[data-status="pending"]').waitFor();
    shop.clock.advance(2 * DAY);
    await adaPage.reload();
    await openRewards(adaPage);
    await adaPage.locator('[data-vouch-part="rewards"] li[data-status="approved"]').waitFor();
    expect(await cardRewards(adaPage)).toEqual([
      expect.stringMatching(/^approved: £5\.00 store credit \(a friend's order\): earned/),
    ]);
    const [approved] = (await rewards(`code=${adaCode}&reason=friend`)).items;
    expect(approved).toMatchObject({ id: reward?.id, status: 'approved' });
    expectQuiet(adaWatch);
  });

  it("replaying Ben's order, from his browser or from the shop's server, changes nothing", async () => {
    const before = {
      conversions: await conversions(`code=${adaCode}`),
      rewards: await rewards(`code=${adaCode}`),
    };
    const body = {
      orderId: benOrder,
      amount: 13.5,
      currency: 'GBP',
      email: BEN.email,
      coupon: benCoupon,
    };
    const first = await shop.api<ConversionResult>('/v1/conversions', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    const second = await shop.api<ConversionResult>('/v1/conversions', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(first.body).toMatchObject({ orderId: benOrder, status: 'attributed', ref: adaCode });

    // The thank-you page reloaded: the browser's report of the same order, if it sends
    // one again, is answered as the first was.
    await benPage.goto(`${shop.url}/thank-you/?order=${benOrder}`);
    await referralLink(benPage);
    await benPage.waitForTimeout(1500);
    const reports = benWatch.responses.filter((answer) => answer.url.endsWith('/v1/conversions'));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.map((answer) => answer.status)).toEqual(reports.map(() => 200));

    // Another amount for the same order is refused, naming the problem.
    const changed = await shop.api<ErrorBody>('/v1/conversions', {
      method: 'POST',
      body: JSON.stringify({ ...body, amount: 99 }),
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({
      code: 'order_conflict',
      message: expect.stringMatching(/recorded with 13\.5 GBP.*99 GBP/),
      issues: [{ path: 'amount' }],
    });

    expect({
      conversions: await conversions(`code=${adaCode}`),
      rewards: await rewards(`code=${adaCode}`),
    }).toEqual(before);
    expectQuiet(benWatch);
  });

  it('Ada referring herself, with her e-mail or from her browser, is flagged and never paid', async () => {
    // Her own link, the friend's coupon it offers, her own e-mail: the shop knows her as
    // the same customer.
    await adaPage.goto(adaLink);
    await adaPage.getByText('Ada gave you 10% off').waitFor();
    const ownCoupon = await adaPage.getByLabel('Your code, for the checkout').inputValue();
    const sameEmail = await buy(adaPage, shop, ADA, ownCoupon);
    // Her own link again, in her browser, under another e-mail (a new customer to the
    // shop), without a coupon: only the browser's report names the link.
    await adaPage.goto(adaLink);
    const sameBrowser = await buy(adaPage, shop, {
      email: 'countess@lovelace.example.org',
      name: 'Augusta King',
    });
    expect(await lastCustomerId(adaPage)).not.toBe(adaCustomer);

    const flagged = await waitFor(async () => {
      const { items } = await conversions(`code=${adaCode}&status=review`);
      return items.length >= 2 ? items : undefined;
    });
    const reasons = (orderId: string) => flagged.find((item) => item.orderId === orderId)?.reasons;
    expect(reasons(sameEmail)).toEqual(expect.arrayContaining(['self_referral_customer']));
    expect(reasons(sameBrowser)).toEqual(expect.arrayContaining(['self_referral_browser']));

    // Held for review, so the hold passing approves nothing.
    shop.clock.advance(30 * DAY);
    const { items: friendRewards } = await rewards(`code=${adaCode}&reason=friend`);
    for (const orderId of [sameEmail, sameBrowser]) {
      for (const reward of friendRewards.filter((item) => item.orderId === orderId)) {
        expect(reward.status, orderId).toBe('review');
      }
    }
    expect(friendRewards.filter((reward) => reward.status === 'approved')).toHaveLength(1);
    expectQuiet(adaWatch);
  });

  it('a forged identify without the right hash is refused: identity verification is on', async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${shop.url}/refer/`);
    await page.getByText('Sign in or place an order to get your link.').waitFor();

    // Without a hash, then with a made-up one: vouch refuses both; Ada's link never shows.
    for (const hash of [undefined, 'f'.repeat(64)]) {
      await page.evaluate(
        ([id, hash]) => {
          const vouch = (window as unknown as { vouch: (...args: unknown[]) => void }).vouch;
          vouch('identify', { id, name: 'Ada Lovelace', ...(hash ? { hash } : {}) });
        },
        [adaCustomer, hash] as const,
      );
      await page.getByText('Your referral link could not be loaded.').waitFor();
      expect(await page.getByLabel('Your referral link').count()).toBe(0);
      expect(await page.content()).not.toContain(adaCode);
      if (!hash) {
        // Settle before the second identify, so each is refused on its own.
        await page.waitForTimeout(200);
      }
    }

    const forged = await fetch(`${shop.url}/v1/referrals`, {
      method: 'POST',
      headers: { origin: shop.url, 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'pk_demo_lather_and_leaf_0001',
        customer: { id: adaCustomer, name: 'Ada Lovelace' },
      }),
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({
      error: { code: 'identity_not_verified', issues: [{ path: 'customer.hash' }] },
    });
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors.length).toBeGreaterThan(0);
    for (const error of watch.consoleErrors) {
      expect(error).toBe(
        'Failed to load resource: the server responded with a status of 403 (Forbidden)',
      );
    }
  });

  it('a product page opened with her code shows the banner too', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(`${shop.url}/products/sea-salt-and-lime/?ref=${adaCode}`);
    await page.getByText('Ada gave you 10% off').waitFor();
    const coupon = await page.getByLabel('Your code, for the checkout').inputValue();
    expect(coupon).toMatch(/^LL10-/);
    expect(coupon).not.toBe(benCoupon);
    expectQuiet(watch);
  });

  it('an unknown referral code shows no banner and only a console note', async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${shop.url}/?ref=NOSUCH42`);
    await waitFor(() =>
      watch.consoleWarnings.some((warning) => warning.includes('NOSUCH42')) ? true : undefined,
    );
    expect(await page.getByText('gave you').count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
  });
});
