// The layout-shift budget of the contract (CONTRACT §5: 0.000 for any widget), measured in
// Chromium on the example shop: its referral card in each state (not identified, a
// customer without rewards, one with rewards), on the thank-you page and /refer/, wide and
// phone-sized, each page recorded from its first frame. The same walk as the end-to-end
// suite's (test/e2e/layoutShift.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startShop } from '../examples/shop/lib/startShop.js';
import { migrate, openDatabase } from '../packages/server/dist/index.js';
import { findChromium, launchChromium } from '../test/support/launchChromium.js';
import { measureReferralCard } from '../test/support/referralCardLayout.js';

/**
 * @typedef {object} LayoutShiftResult
 * @property {number} held The largest shift the card caused on one page, on the shop's
 *   pages as shipped (they hold the card's space from the first paint).
 * @property {number} unheld The largest on /refer/ served without that hold, in
 *   windows of common sizes (`SCREENS`): the card moves the page once, as it appears,
 *   since the loader holds no space before the widget's code arrives.
 * @property {number} pages How many pages were measured.
 */

/** A laptop's and a phone's window, for the shift a shopper would see. */
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 375, height: 812 },
];

/** @param {import('../test/support/referralCardLayout.js').CardLayout[]} layouts */
const largest = (layouts) =>
  Math.max(
    0,
    ...layouts
      .filter((layout) => layout.state !== 'rewards opened')
      .map((layout) => layout.layout.shift),
  );

/**
 * Measures the example shop's referral card in a fresh shop (its own database and data
 * folder under `parent`). Resolves to undefined when Chromium is not installed.
 * @param {string} parent
 * @returns {Promise<LayoutShiftResult | undefined>}
 */
export async function measureLayoutShift(parent) {
  if (!findChromium()) return undefined;
  const dataDir = mkdtempSync(join(parent, 'shop-'));
  const database = openDatabase({ file: join(dataDir, 'vouch.db') });
  try {
    await migrate(database);
    const shop = await startShop({
      database,
      port: 0,
      hostname: '127.0.0.1',
      host: '127.0.0.1',
      dataDir,
      demo: true,
    });
    const browser = await launchChromium();
    try {
      const url = `http://127.0.0.1:${shop.port}`;
      const held = await measureReferralCard(browser, url);
      const unheld = await measureReferralCard(browser, url, {
        withoutPageHold: true,
        viewports: SCREENS,
      });
      return {
        held: largest(held),
        unheld: largest(unheld.filter((layout) => layout.page === '/refer/')),
        pages: held.length + unheld.length,
      };
    } finally {
      await browser.close();
      await shop.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The budget row of a measurement (or of its absence).
 * @param {LayoutShiftResult | undefined} result
 * @returns {import('./formatTable.js').BudgetRow}
 */
export function layoutShiftRow(result) {
  const budget = 'layout shift caused by a widget';
  if (!result) {
    return {
      budget,
      measured: 'Chromium not found',
      limit: '0.000',
      verdict: '',
      note: 'apt-get install -y chromium',
    };
  }
  return {
    budget,
    measured: result.held.toFixed(3),
    limit: '0.000',
    verdict: result.held === 0 ? 'ok' : 'over',
    note: `referral card, 3 states, /refer/ and thank-you, 1280 and 375 px wide (${result.pages} pages); on a page that does not hold its space, ${result.unheld.toFixed(3)} as it appears in a 1280×720 or 375×812 window (the loader holds none yet)`,
  };
}
