// Plain JavaScript, shared by the end-to-end suites and `npm run bench`: an order placed
// in the example shop the way a shopper places it.

/**
 * @typedef {object} PlaceOrderOptions
 * @property {string} [coupon] A friend's coupon, applied at checkout.
 * @property {(page: import('playwright-core').Page) => Promise<void>} [beforePlacing]
 *   Runs on the filled-in checkout page, just before the order is placed.
 */

/**
 * Puts two bars of Oat & Honey in the cart and places the order as `buyer` (with
 * `coupon`, if given); resolves with the order id once the thank-you page is open.
 * @param {import('playwright-core').Page} page
 * @param {string} shopUrl The shop's origin, no trailing slash.
 * @param {{ email: string, name: string }} buyer
 * @param {PlaceOrderOptions} [options]
 * @returns {Promise<string>}
 */
export async function placeOrder(page, shopUrl, buyer, options = {}) {
  await page.goto(`${shopUrl}/products/oat-and-honey/`);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page
    .locator('form[data-add-to-cart] [role="status"]')
    .filter({ hasText: 'Added 2 × Oat & Honey' })
    .waitFor();
  await page.goto(`${shopUrl}/checkout/`);
  await page.getByLabel('E-mail').fill(buyer.email);
  await page.getByLabel('Full name').fill(buyer.name);
  await page.getByLabel('Address').fill('12 St James Square');
  await page.getByLabel('Town or city').fill('London');
  await page.getByLabel('Postcode').fill('SW1Y 4JH');
  if (options.coupon) {
    await page.locator('#coupon').fill(options.coupon);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText(`${options.coupon}: 10% off your order.`).waitFor();
  }
  await options.beforePlacing?.(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/thank-you\/\?order=LL-\d{6}$/);
  return new URL(page.url()).searchParams.get('order') ?? '';
}
