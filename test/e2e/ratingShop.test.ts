import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { approveReview, sendReview } from '../support/shopReviews.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { watchPage } from '../support/watchPage.js';

// The rating badge and the wall of reviews on the example shop's product pages, from a
// review sent as a page sends it to the approved count, with the real server and its
// moderation.

describeWithChromium('the rating badge and the reviews in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.close();
  });

  /** Opens a product page; answers its badge's text once loaded and its heights meanwhile. */
  const badgeOf = async (product: string) => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(`${shop.url}/products/${product}/`);
    const host = page.locator(`[data-vouch="rating"][data-product="${product}"]`);
    const before = (await host.boundingBox())?.height;
    const badge = host.locator('[data-vouch-part="rating"][data-state="done"]');
    await badge.waitFor();
    const after = (await host.boundingBox())?.height;
    expect(watch.pageErrors).toEqual([]);
    return { text: await badge.textContent(), before, after, page };
  };

  it('says there is no review, then counts an approved one, never a pending one', async () => {
    const empty = await badgeOf('oat-and-honey');
    expect(empty.text).toBe('No reviews yet');
    // One line held from the first frame it had a box: nothing moved when it loaded.
    expect(empty.before).toBeGreaterThan(0);
    expect(empty.after).toBe(empty.before);

    // A shopper's review, as the review form will send it: pending until the merchant acts.
    const id = await sendReview(shop, {
      rating: 4,
      body: 'Soft on dry hands, and the honey scent is lovely.',
      authorName: 'Ada',
      product: 'oat-and-honey',
      consentVersion: 'v1',
    });
    expect((await badgeOf('oat-and-honey')).text).toBe('No reviews yet');

    // One admin call approves it; the next page counts it (the public read is cached
    // for a short while by the browser, so a fresh page is a fresh browser context).
    const approved = await shop.api(`/v1/admin/testimonials/${id}/approve`, { method: 'POST' });
    expect(approved.status).toBe(200);
    const counted = await badgeOf('oat-and-honey');
    expect(counted.text).toBe('★★★★★4.0Rated 4.0 out of 5 from 1 review');
    expect(counted.after).toBe(empty.before);
    // Another soap's badge counts its own reviews only.
    expect((await badgeOf('lavender-fields')).text).toBe('No reviews yet');
  });

  it('shows an approved review on the wall as plain text, holding its space while it loads', async () => {
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const id = await sendReview(shop, {
      rating: 5,
      title: `Lovely ${payload}`,
      body: `Lasts for weeks. ${payload}`,
      authorName: `Ben ${payload}`,
      product: 'sea-salt-and-lime',
    });
    await approveReview(shop, id);

    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(`${shop.url}/products/sea-salt-and-lime/`);
    const host = page.locator('[data-vouch="testimonials"]');
    const held = (await host.boundingBox())?.height ?? 0;
    expect(held).toBeGreaterThan(300);
    const wall = page.getByRole('region', { name: 'Customer reviews' });
    await wall.getByRole('heading', { name: `Ben ${payload}` }).waitFor();
    await expect.poll(() => wall.textContent()).toContain(`Lasts for weeks. ${payload}`);
    // Text, never markup: no element was made from the payload, nothing ran.
    expect(await wall.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    // Loaded within the space it held: nothing below it moved.
    expect((await host.boundingBox())?.height).toBe(held);
    // The badge links to the wall.
    expect(await page.locator('[data-vouch="rating"]').getByRole('link').getAttribute('href')).toBe(
      '#reviews',
    );
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
