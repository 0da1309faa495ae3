import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { watchPage } from '../support/watchPage.js';

// The example shop as `npm start` runs it: the demo site's NPS rules (thank-you and product
// pages, from the second page view, after 4 s; never the cart) decide where the prompt
// appears, with no NPS element in any page.

describeWithChromium('the NPS prompt in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('runs under the demo rules, which the merchant can read back', async () => {
    const { status, body } = await shop.api<{ nps: Record<string, unknown> | null }>(
      '/v1/admin/site',
    );
    expect(status).toBe(200);
    expect(body.nps).toMatchObject({ include: ['/thank-you/*', '/products/*'], delayMs: 4000 });
  });

  it('asks a browsing visitor on a product page, not on the first page nor in the cart', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    const prompt = page.getByRole('radiogroup', {
      name: 'How likely are you to recommend Lather & Leaf to a friend or colleague?',
    });
    // The first page view: too early, however long the visitor stays.
    await page.goto(`${shop.url}/products/oat-and-honey/`);
    await page.waitForTimeout(5000);
    expect(await prompt.count()).toBe(0);
    // The cart is excluded.
    await page.goto(`${shop.url}/cart/`);
    await page.waitForTimeout(5000);
    expect(await prompt.count()).toBe(0);
    // A second product page: after its 4 s.
    await page.goto(`${shop.url}/products/lavender-fields/`);
    await prompt.waitFor({ timeout: 15_000 });
    // Closed unanswered: a dismissal, and the prompt keeps quiet on the next page.
    await page.getByRole('button', { name: 'Close the survey' }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.goto(`${shop.url}/products/sea-salt-and-lime/`);
    await page.waitForTimeout(5000);
    expect(await prompt.count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
