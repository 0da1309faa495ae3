import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ShareReport } from '../../packages/core/src/schemas/index.js';
import { axeScan } from '../support/axeScan.js';
import { describeWithChromium } from '../support/chromium.js';
import { placeOrder } from '../support/shopOrders.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { type PageWatch, watchPage } from '../support/watchPage.js';

// Sharing in the example shop, as three people in their own browsers live it: Ada buys
// and shares from the thank-you page (the network's dialog opens in a popup within her
// click); opening her own link earns her nothing; Ben opens it and Ada's 5% off unlocks;
// Cyd opens it too, and it unlocks nothing more. The merchant's report counts it all.

const ADA = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const SHARE = '[data-vouch="share"]';
const VISITS = '/v1/shares/visits';

/** Opens `url` in `page` and resolves with vouch's answer to the visit it reports. */
async function visit(page: Page, url: string): Promise<{ counted: boolean }> {
  const answer = page.waitForResponse(
    (response) => response.url().endsWith(VISITS) && response.request().method() === 'POST',
  );
  await page.goto(url);
  return (await answer).json();
}

describeWithChromium('sharing in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;
  let ada: BrowserContext;
  let adaPage: Page;
  let adaWatch: PageWatch;
  let adaLink = '';
  let adaCode = '';
  let thankYou = '';

  /** The share program's numbers for `channel`, from the admin report. */
  async function reported(channel: string) {
    const { status, body } = await shop.api<ShareReport>('/v1/admin/shares/report');
    expect(status).toBe(200);
    return { row: body.channels.find((row) => row.channel === channel), totals: body.totals };
  }
  /** Share rewards vouch granted, by customer. */
  const shareRewards = () =>
    shop.database.db
      .selectFrom('share_rewards')
      .select(['customer_id', 'trigger', 'channel', 'status'])
      .execute();

  beforeAll(async () => {
    shop = await startTestShop();
    // Contexts outlive one test here: the story runs through several.
    ada = await chromium.browser().newContext();
    // The networks' dialogs, answered here: the test needs the popup, not the network.
    await ada.route(/^https:\/\/(x\.com|bsky\.app|api\.whatsapp\.com|wa\.me)\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Share</title><p>Share</p>' }),
    );
    adaPage = await ada.newPage();
    adaWatch = watchPage(adaPage);
  });

  afterAll(async () => {
    await ada?.close();
    await shop?.close();
  });

  it('Ada buys; the thank-you page offers sharing, with the incentive in words', async () => {
    await placeOrder(adaPage, shop.url, ADA);
    thankYou = adaPage.url();
    await adaPage.getByText('When they visit through your link, you get 5% off').waitFor();
    const share = adaPage.locator(SHARE);
    await share.getByRole('group', { name: 'Share' }).waitFor();
    // The widget's own line, once her referral code is known: the share program's reward.
    await share.getByText('Share with a friend: when they visit, you get 5% off.').waitFor();
    for (const name of ['WhatsApp', 'Facebook', 'X', 'Bluesky', 'Email']) {
      await share.getByRole('link', { name }).waitFor();
    }
    await share.getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await axeScan(adaPage, SHARE)).toEqual([]);
  });

  it('Ada shares on X: the dialog opens in a popup within her click, with her link', async () => {
    const share = adaPage.locator(SHARE);
    const recorded = adaPage.waitForResponse(
      (response) => response.url().endsWith('/v1/shares') && response.ok(),
    );
    const [popup] = await Promise.all([
      ada.waitForEvent('page'),
      share.getByRole('link', { name: 'X', exact: true }).click(),
    ]);
    await popup.waitForLoadState();
    const dialog = new URL(popup.url());
    expect(`${dialog.origin}${dialog.pathname}`).toBe('https://x.com/intent/post');
    adaLink = dialog.searchParams.get('url') ?? '';
    const link = new URL(adaLink);
    expect(`${link.origin}${link.pathname}`).toBe(`${shop.url}/`);
    adaCode = link.searchParams.get('ref') ?? '';
    expect(adaCode).toMatch(/^[A-Za-z0-9]{4,32}$/);
    expect(link.searchParams.get('utm_source')).toBe('x');
    expect(link.searchParams.get('utm_medium')).toBe('share');
    expect(link.searchParams.get('utm_campaign')).toBe('share-visit-5');
    // The text carries the disclosure a rewarded sharer makes.
    expect(dialog.searchParams.get('text')).toMatch(/Disclosure/i);
    // The popup came from her click alone: the page stays where it was.
    expect(adaPage.url()).toMatch(/\/thank-you\//);
    expect(await recorded.then((response) => response.json())).toMatchObject({ recorded: true });
    await popup.close();
    expect((await reported('x')).row).toMatchObject({ shares: 1, visits: 0 });
  });

  it('serves product pages with their reviews rendered and a share mount', async () => {
    const html = await (await fetch(`${shop.url}/products/oat-and-honey/`)).text();
    expect(html).toContain('<div data-vouch="share"></div>');
    expect(html).toMatch(/<div data-vouch="testimonials"[^>]*><template shadowrootmode="open">/);
    expect(html).toContain('<meta property="og:image" content="/assets/share-card.png" />');
  });

  it('Ada opening her own shared link unlocks nothing', async () => {
    expect(await visit(adaPage, adaLink)).toEqual({ counted: false });
    expect(await shareRewards()).toEqual([]);
    expect((await reported('x')).row).toMatchObject({ shares: 1, visits: 0 });
  });

  it("Ben opens the link: Ada's 5% off unlocks, once; Cyd's visit adds none", async () => {
    const ben = await chromium.context();
    const benPage = await ben.newPage();
    const benWatch = watchPage(benPage);
    expect(await visit(benPage, adaLink)).toEqual({ counted: true });
    // A reload is the same friend: counted once.
    expect(await visit(benPage, adaLink)).toEqual({ counted: true });
    // Granted, waiting for Ada (verified) to read it: its code is issued to her then.
    expect(await shareRewards()).toMatchObject([
      { trigger: 'visit', channel: 'x', status: 'pending' },
    ]);
    expect((await reported('x')).row).toMatchObject({ shares: 1, visits: 1 });

    // Ada's share widget shows the reward when she comes back, with her code.
    await adaPage.goto(thankYou);
    const share = adaPage.locator(SHARE);
    const earned = share.getByText(/^You earned 5% off: LL5-[2-9A-HJ-NP-Z]{8}$/);
    await earned.waitFor({ timeout: 20_000 });
    expect(await shareRewards()).toMatchObject([{ status: 'approved' }]);
    expect(await axeScan(adaPage, SHARE)).toEqual([]);

    const cyd = await chromium.context();
    const cydPage = await cyd.newPage();
    expect(await visit(cydPage, adaLink)).toEqual({ counted: true });
    expect(await shareRewards()).toHaveLength(1);
    const { row, totals } = await reported('x');
    expect(row).toMatchObject({ channel: 'x', shares: 1, visits: 2, purchases: 0 });
    expect(totals).toMatchObject({ shares: 1, visits: 2 });
    await adaPage.reload();
    await earned.waitFor({ timeout: 20_000 });
    expect(await share.getByText(/You earned/).count()).toBe(1);

    // Ben, not identified, on a soap's page: the buttons share the page, crediting nobody.
    await benPage.goto(`${shop.url}/products/oat-and-honey/`);
    const benShare = benPage.locator(SHARE);
    await benShare.getByRole('button', { name: 'Copy link' }).waitFor();
    await benPage.getByText('When they visit through your link, you get 5% off').waitFor();
    expect(await benShare.getByText(/you get 5% off\./).count()).toBe(0);
    const x = new URL(
      (await benShare.getByRole('link', { name: 'X', exact: true }).getAttribute('href')) ?? '',
    );
    const benLink = new URL(x.searchParams.get('url') ?? '');
    expect(benLink.pathname).toBe('/products/oat-and-honey/');
    expect(benLink.searchParams.get('ref')).toBeNull();
    expect(await axeScan(benPage, SHARE)).toEqual([]);

    expect(benWatch.pageErrors).toEqual([]);
    expect(adaWatch.pageErrors).toEqual([]);
  });
});
