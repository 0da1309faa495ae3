import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { watchPage } from '../support/watchPage.js';

// The shop's pages carry this fixed demo key, so the test site uses it too.
const DEMO_KEY = 'pk_demo_lather_and_leaf_0001';
const PAGES = [
  '/',
  '/products/oat-and-honey/',
  '/products/sea-salt-and-lime/',
  '/products/lavender-fields/',
  '/cart/',
  '/checkout/',
  '/thank-you/',
];

/** Landmarks, one h1, a label for every field, a name for every illustration. */
function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('no lang');
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      if (!document.querySelector(landmark)) problems.push(`no ${landmark}`);
    }
    if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
    for (const field of document.querySelectorAll('input, select, textarea')) {
      if (!(field as HTMLInputElement).labels?.length)
        problems.push(`unlabelled ${field.outerHTML}`);
    }
    for (const art of document.querySelectorAll('svg[role="img"]')) {
      if (!art.querySelector('title')?.textContent) problems.push('illustration without a title');
    }
    if (!document.querySelector('link[rel="icon"][href^="data:image/svg+xml"]'))
      problems.push('no favicon');
    return problems;
  });
}

describeWithChromium('example shop in Chromium', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch({ shop: true, publicKey: DEMO_KEY });
  });
  afterAll(async () => {
    await vouch?.close();
  });

  it('loads every page without a console error and records a view of each', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    for (const path of PAGES) {
      const answer = await page.goto(`${vouch.url}${path}`);
      expect(answer?.status(), path).toBe(200);
      expect(await accessibilityProblems(page), path).toEqual([]);
      // Wait for this page's view before leaving it, so each page proves its own snippet.
      await waitFor(
        async () => {
          const views = await vouch.events('page');
          return views.some((event) => event.data.url === `${vouch.url}${path}`) ? true : undefined;
        },
        { message: `a page view of ${path}` },
      );
    }
    const views = await vouch.events('page');
    expect(views.map((event) => new URL(String(event.data.url)).pathname).sort()).toEqual(
      [...PAGES].sort(),
    );
    expect(views.find((event) => event.data.url === `${vouch.url}/`)?.data.title).toBe(
      'Lather & Leaf: handmade soap, cut by hand in small batches',
    );
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.consoleWarnings).toEqual([]);
  });

  it('sells a soap: product, cart, checkout and thank-you work with vouch on the page', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(`${vouch.url}/products/lavender-fields/`);
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    // The shop's own status beside the button (the reviews wall has a live region too).
    const added = page.locator('form.buy').getByRole('status');
    await expect(added.textContent()).resolves.toBe('Added 2 × Lavender Fields to your cart.');
    await expect(page.getByRole('link', { name: 'Cart, 2 items' }).count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Cart, 2 items' }).click();
    await page.getByText('Subtotal: £15.00').waitFor();
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Address').fill('12 St James Square');
    await page.getByLabel('Town or city').fill('London');
    await page.getByLabel('Postcode').fill('SW1Y 4JH');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/thank-you\/\?order=LL-\d{6}$/);
    const order = new URL(page.url()).searchParams.get('order');
    await expect(page.getByText(`Order ${order} is confirmed.`).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Cart, 0 items' }).count()).resolves.toBe(1);

    await waitFor(async () => {
      const views = await vouch.events('page');
      return views.some((event) => String(event.data.url).includes('/thank-you/?order='))
        ? true
        : undefined;
    });
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('answers an unknown path with its 404 page, which still has the snippet', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    const answer = await page.goto(`${vouch.url}/no-such-soap`);
    expect(answer?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'We couldn’t find that page',
    );
    await waitFor(async () => {
      const views = await vouch.events('page');
      return views.some((event) => event.data.url === `${vouch.url}/no-such-soap`)
        ? true
        : undefined;
    });
    // The only error is the browser reporting the page's own 404 status.
    expect(watch.consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    expect(watch.pageErrors).toEqual([]);
  });
});
