import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { readLayout, recordLayout } from '../support/layoutShifts.js';
import { approveReview, sendReview } from '../support/shopReviews.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { watchPage } from '../support/watchPage.js';

// The example shop's product pages render the rating badge and the wall of reviews on the
// server (`@vouch/widget/ssr`), with the product's JSON-LD: search engines and shoppers
// without JavaScript read the reviews, and the widgets take them over without a shift.

const PAYLOAD = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
const BODY = `Creamy lather, and my dry hands love it. ${PAYLOAD}`;
const AUTHOR = `Cleo ${PAYLOAD}`;
const PATH = '/products/oat-and-honey/';
const WALL = '[data-vouch="testimonials"]';

/** Records, frame by frame, whether the review's text is in the wall's shadow root. */
const watchText = (page: Page) =>
  page.addInitScript(
    ([selector, text]) => {
      const seen = { frames: 0, missing: 0 };
      Object.defineProperty(window, '__vouchText', { value: seen });
      const frame = () => {
        const root = document.querySelector(selector as string)?.shadowRoot;
        if (root?.textContent?.includes(text as string)) seen.frames++;
        else if (seen.frames > 0) seen.missing++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    [WALL, BODY],
  );

describeWithChromium('reviews rendered on the server in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
    const id = await sendReview(shop, {
      rating: 4,
      title: `So soft ${PAYLOAD}`,
      body: BODY,
      authorName: AUTHOR,
      product: 'oat-and-honey',
      consentVersion: 'v1',
    });
    await approveReview(shop, id);
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('puts the review and its JSON-LD in the page itself, as text', async () => {
    const response = await fetch(`${shop.url}${PATH}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The payload is never markup: escaped in the view, \u-escaped in the scripts.
    expect(html).not.toContain(PAYLOAD);
    expect(html).toContain('Creamy lather, and my dry hands love it. &#60;img src=x');
    expect(html).toContain('<template shadowrootmode="open">');
    expect(html).toContain('from 1 review');
    const blocks = Array.from(
      html.matchAll(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/gs),
      (match) => match[1] as string,
    );
    expect(blocks).toHaveLength(1);
    const markup = JSON.parse(blocks[0] as string);
    expect(markup).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Oat & Honey',
      sku: 'oat-and-honey',
      url: `${shop.url}${PATH}`,
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4, reviewCount: 1 },
    });
    expect(markup.review).toHaveLength(1);
    const [review] = markup.review;
    expect(review).toMatchObject({
      '@type': 'Review',
      author: { '@type': 'Person', name: AUTHOR },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
      reviewBody: BODY,
      name: `So soft ${PAYLOAD}`,
    });
    expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the review and the badge to a shopper without JavaScript', async () => {
    const context = await chromium.browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${shop.url}${PATH}`);
      const wall = page.getByRole('region', { name: 'Customer reviews' });
      await expect.poll(() => wall.textContent()).toContain(BODY);
      expect(await wall.getByRole('heading', { name: AUTHOR }).count()).toBe(1);
      expect(await wall.locator('img, script').count()).toBe(0);
      expect(await page.locator('[data-vouch="rating"]').getByRole('link').textContent()).toBe(
        '★★★★★4.0Rated 4.0 out of 5 from 1 review',
      );
      expect((await page.locator(WALL).boundingBox())?.height ?? 0).toBeGreaterThan(300);
    } finally {
      await context.close();
    }
  });

  it('is taken over by the widgets with no layout shift, the text never gone', async () => {
    const context = await chromium.context();
    await recordLayout(context, WALL);
    const page = await context.newPage();
    await watchText(page);
    const watch = watchPage(page);
    await page.goto(`${shop.url}${PATH}`);
    const host = page.locator(WALL);
    // The widget's own root replaced the server's (the widget loaded and took over)…
    await host.locator('[data-vouch-root]:not([data-vouch-ssr])').waitFor({ state: 'attached' });
    await page.locator('[data-vouch="rating"] [data-vouch-root]:not([data-vouch-ssr])').waitFor({
      state: 'attached',
    });
    // …and its reads from the API came back (same data: nothing changes).
    await expect
      .poll(
        () =>
          watch.requests.filter((url) => /\/v1\/sites\/[^/]+\/(rating|testimonials)/.test(url))
            .length,
      )
      .toBeGreaterThanOrEqual(2);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-vouch-ssr]').count()).toBe(0);
    const wall = page.getByRole('region', { name: 'Customer reviews' });
    expect(await wall.textContent()).toContain(BODY);
    expect(await page.locator('[data-vouch="rating"]').getByRole('link').textContent()).toBe(
      '★★★★★4.0Rated 4.0 out of 5 from 1 review',
    );

    const layout = await readLayout(page);
    expect(layout.shift).toBe(0);
    // Nor did anything else of the page move (the badge above the wall among it).
    expect(layout.entries).toEqual([]);
    expect(layout.sizes.filter((size) => size > 0)).toHaveLength(1);
    const text = await page.evaluate(
      () => (window as unknown as { __vouchText: { frames: number; missing: number } }).__vouchText,
    );
    expect(text.frames).toBeGreaterThan(0);
    expect(text.missing).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await wall.locator('img, script').count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
