// Plain JavaScript, shared by the end-to-end suite and `npm run bench`: the referral card
// of the example shop in each of its states, with what it did to the page's layout.
import { readLayout, recordLayout } from './layoutShifts.js';
import { placeOrder } from './shopOrders.js';

/** Wide and phone-sized, each tall enough that what follows the card is on screen. */
export const CARD_VIEWPORTS = [
  { width: 1280, height: 1300 },
  { width: 375, height: 1600 },
];

const CARD = '[data-vouch="referral"]';

/**
 * @typedef {object} CardLayout
 * @property {string} state `not identified`, `identified, no rewards`, `identified, with
 *   rewards`, or `rewards opened` (after the shopper opened the list)
 * @property {string} page `/refer/` or `/thank-you/`
 * @property {string} viewport `WIDTHxHEIGHT`
 * @property {import('./layoutShifts.js').LayoutRecord} layout
 * @property {boolean} belowOnScreen Whether what follows the card begins in the viewport
 *   (else a card that grew would move nothing one could see, and no shift be counted).
 */

/**
 * @typedef {object} MeasureCardOptions
 * @property {boolean} [withoutPageHold] Serve the shop's stylesheet without its hold on
 *   the card's space (`min-height`), as on a page that does not hold it.
 * @property {Array<{ width: number, height: number }>} [viewports] @default CARD_VIEWPORTS
 */

/**
 * Walks the example shop's referral card through its states, in a new browser context per
 * shopper: a visitor not identified on /refer/; Ada after her order, on the thank-you page
 * and /refer/; the same once her friend Ben has bought with her link; then Ada opening her
 * list of rewards. Each page is opened afresh at each viewport, its layout recorded from
 * the first frame until the card shows that state.
 * @param {import('playwright-core').Browser} browser
 * @param {string} shopUrl The shop's origin, no trailing slash.
 * @param {MeasureCardOptions} [options]
 * @returns {Promise<CardLayout[]>}
 */
export async function measureReferralCard(browser, shopUrl, options = {}) {
  const viewports = options.viewports ?? CARD_VIEWPORTS;
  /** @type {CardLayout[]} */
  const layouts = [];
  /** @type {import('playwright-core').BrowserContext[]} */
  const contexts = [];
  const shopper = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shopUrl });
    await recordLayout(context, CARD);
    if (options.withoutPageHold) {
      await context.route('**/assets/shop.css', async (route) => {
        const response = await route.fetch();
        const css = `${await response.text()}\n.referral-card{min-height:0!important}`;
        await route.fulfill({ response, body: css });
      });
    }
    return context.newPage();
  };
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} state
   * @param {string} path
   * @param {(page: import('playwright-core').Page) => Promise<unknown>} shown
   */
  const visit = async (page, state, path, shown) => {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await page.goto(`${shopUrl}${path}`);
      await shown(page);
      layouts.push(await record(page, state, path, viewport));
    }
  };
  /** @param {import('playwright-core').Page} page */
  const ready = (page) =>
    page.locator(`${CARD} .vouch-card[data-state="ready"]`).waitFor({ timeout: 20_000 });

  try {
    const ada = await shopper();
    await visit(ada, 'not identified', '/refer/', (page) =>
      page.getByText('Sign in or place an order to get your link.').waitFor(),
    );
    const order = await placeOrder(ada, shopUrl, {
      email: 'ada.lovelace@example.com',
      name: 'Ada Lovelace',
    });
    await ready(ada);
    const link = await ada.getByLabel('Your referral link').inputValue();
    const thanks = `/thank-you/?order=${order}`;
    for (const path of [thanks, '/refer/']) {
      await visit(ada, 'identified, no rewards', path, ready);
    }

    const ben = await shopper();
    await ben.goto(link);
    const coupon = await ben.getByLabel('Your code, for the checkout').inputValue();
    await placeOrder(
      ben,
      shopUrl,
      { email: 'ben.jones@example.net', name: 'Ben Jones' },
      {
        coupon,
      },
    );
    await ready(ben);

    // The order reaches vouch from Ben's thank-you page and from the shop's server: wait
    // until Ada's card lists it before measuring.
    for (let tries = 0; ; tries++) {
      await ada.goto(`${shopUrl}/refer/`);
      await ready(ada);
      if (await ada.locator(`${CARD} summary`).count()) break;
      if (tries === 40) throw new Error("Ben's order never reached Ada's referral card");
      await ada.waitForTimeout(250);
    }
    const rewards = (/** @type {import('playwright-core').Page} */ page) =>
      page.locator(`${CARD} summary`).filter({ hasText: 'Your rewards (1)' }).waitFor({
        timeout: 20_000,
      });
    for (const path of [thanks, '/refer/']) {
      await visit(ada, 'identified, with rewards', path, rewards);
    }
    // Ada, on /refer/ at the last viewport, opens her list: the page moves, after input.
    await ada.locator(`${CARD} summary`).click();
    await ada.locator(`${CARD} li[data-status="pending"]`).waitFor();
    const last = viewports.at(-1);
    if (last) layouts.push(await record(ada, 'rewards opened', '/refer/', last));
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
  return layouts;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} state
 * @param {string} path
 * @param {{ width: number, height: number }} viewport
 * @returns {Promise<CardLayout>}
 */
async function record(page, state, path, viewport) {
  const layout = await readLayout(page);
  const below = await page.locator(`${CARD} + *`).boundingBox();
  return {
    state,
    page: path.replace(/\?.*/, ''),
    viewport: `${viewport.width}x${viewport.height}`,
    layout,
    belowOnScreen: !!below && below.height > 0 && below.y < viewport.height,
  };
}
