import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeScan } from '../support/axeScan.js';
import { describeWithChromium } from '../support/chromium.js';
import { placeOrder } from '../support/shopOrders.js';
import { approveReview } from '../support/shopReviews.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';
import { watchPage } from '../support/watchPage.js';

// A review from the example shop's thank-you page to its product page, as people live
// it: Ada buys, writes her review in the form (its checks first), the merchant approves
// it with one admin call, and Ben sees it, as a verified buyer's, on the soap's page.

const ADA = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const FORM = '[data-vouch="review-form"][data-product="oat-and-honey"]';
const TEXT = 'Gentle on my dry hands, and the honey scent lasts. <b>Bold</b> & "quoted"';

type AdminList = {
  items: Array<{ id: string; status: string; verifiedBuyer: boolean; authorName: string }>;
};

describeWithChromium('the review form in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('takes a review on the thank-you page, pending until approved, then shows it verified', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    const order = await placeOrder(page, shop.url, ADA);
    const request = page.getByRole('region', { name: 'Review Oat & Honey' });
    const form = request.getByRole('form', { name: 'Write a review' });
    await form.waitFor();
    // As the buyer: her name as a review shows it, her e-mail (never shown) filled in.
    expect(await form.getByLabel('Your name').inputValue()).toBe('Ada L.');
    expect(await form.getByLabel('E-mail (optional)').inputValue()).toBe(ADA.email);
    expect(await axeScan(page, FORM)).toEqual([]);

    // Sent empty: each missing field says what it needs, and focus goes to the first.
    await form.getByRole('button', { name: 'Submit review' }).click();
    const rating = form.getByRole('radio', { name: '1 star' });
    await expect.poll(() => rating.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await rating.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Choose a rating from 1 to 5 stars.').waitFor();
    await form.getByText('Tick the box so that your review can be published.').waitFor();
    expect(await axeScan(page, FORM)).toEqual([]);

    // Filled in; the count follows the text.
    // The fourth star, as a pointer picks it (the radio button itself is drawn as a star).
    await form.locator('label').filter({ hasText: '4 stars' }).click();
    expect(await form.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await form.getByLabel('Your review').fill(TEXT);
    await form.getByText(`${[...TEXT].length}/5000`).waitFor();
    await form.getByRole('checkbox', { name: /may publish my review/ }).check();
    await form.getByRole('button', { name: 'Submit review' }).click();
    const thanks = request.getByText('Thank you! Your review is waiting for moderation.');
    await thanks.waitFor();
    expect(await form.count()).toBe(0);
    const withdraw = request.getByRole('link', { name: 'Withdraw your review' });
    expect(await withdraw.getAttribute('href')).toMatch(
      new RegExp(`^${shop.url}/v1/testimonials/tst_\\w+/withdrawal\\?site=pk_\\w+&token=wd_\\w+$`),
    );
    expect(await axeScan(page, FORM)).toEqual([]);

    // Pending, from a verified buyer: the order id is this customer's conversion.
    const pending = (await (
      await shop.api('/v1/admin/testimonials?status=pending')
    ).body) as AdminList;
    const mine = pending.items.find((item) => item.authorName === 'Ada L.');
    expect(mine).toMatchObject({ status: 'pending', verifiedBuyer: true });
    expect(order).toMatch(/^LL-/);
    const before = await (await chromium.context()).newPage();
    await before.goto(`${shop.url}/products/oat-and-honey/`);
    expect(await before.getByText('No reviews yet').count()).toBeGreaterThan(0);

    await approveReview(shop, mine?.id ?? '');
    const ben = await (await chromium.context()).newPage();
    await ben.goto(`${shop.url}/products/oat-and-honey/`);
    const wall = ben.getByRole('region', { name: 'Customer reviews' });
    const card = wall.getByRole('listitem').filter({ hasText: 'Ada L.' });
    await card.waitFor();
    expect(await card.textContent()).toContain(TEXT);
    expect(await card.textContent()).toContain('Verified buyer');
    expect(await card.locator('b').count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
  });

  it('keeps a review written after the connection dropped, and sends it once back online', async () => {
    const context = await chromium.context();
    const page = await context.newPage();
    await placeOrder(page, shop.url, { email: 'grace@example.com', name: 'Grace Hopper' });
    const form = page.getByRole('form', { name: 'Write a review' });
    await form.waitFor();
    // Time to write: the form fetched what sends reviews while the page was online.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await form.locator('label').filter({ hasText: '5 stars' }).click();
    await form.getByLabel('Your review').fill('Lovely lather, written on a train without signal.');
    await form.getByRole('checkbox', { name: /may publish my review/ }).check();
    await form.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Saved — it will be sent when you are back online.').waitFor();

    const pending = async () =>
      ((await shop.api('/v1/admin/testimonials?status=pending')).body as AdminList).items.filter(
        (item) => item.authorName === 'Grace H.',
      );
    expect(await pending()).toEqual([]);
    await context.setOffline(false);
    await expect.poll(pending, { timeout: 15_000 }).toHaveLength(1);
    expect((await pending())[0]).toMatchObject({ verifiedBuyer: true });
  });
});
