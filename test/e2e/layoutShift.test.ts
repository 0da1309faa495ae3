import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { type CardLayout, measureReferralCard } from '../support/referralCardLayout.js';
import { startTestShop, type TestShop } from '../support/startShop.js';
import { useChromium } from '../support/useChromium.js';

// CONTRACT §5: layout shift caused by any widget, 0.000. The referral card of the example
// shop, in each of its states, on the thank-you page and /refer/, wide and phone-sized,
// each page recorded from its first frame (PerformanceObserver `layout-shift`).

/** Every shift the card caused (none after input counts), and its block sizes over time. */
function expectStill(layouts: CardLayout[]) {
  expect(layouts.length).toBeGreaterThan(0);
  for (const { state, page, viewport, layout, belowOnScreen } of layouts) {
    const where = `${state}, ${page}, ${viewport}`;
    // What follows the card is on screen: had the card grown, it would have moved.
    expect(belowOnScreen, where).toBe(true);
    expect(layout.shift, where).toBe(0);
    // One block size from the first frame the card had one to the state it shows.
    expect(
      layout.sizes.filter((size) => size > 0),
      where,
    ).toHaveLength(1);
  }
}

describeWithChromium('layout shift of the referral card in the example shop', () => {
  const chromium = useChromium();
  let shop: TestShop;
  let held: CardLayout[] = [];
  let unheld: CardLayout[] = [];
  const of = (layouts: CardLayout[], state: string) =>
    layouts.filter((layout) => layout.state === state);

  beforeAll(async () => {
    shop = await startTestShop();
    held = await measureReferralCard(chromium.browser(), shop.url);
    unheld = await measureReferralCard(chromium.browser(), shop.url, { withoutPageHold: true });
  });

  afterAll(async () => {
    await shop?.close();
  });

  describe('as the shop holds its space', () => {
    it('moves nothing for a shopper who is not identified', () => {
      expect(of(held, 'not identified').map((layout) => layout.page)).toEqual([
        '/refer/',
        '/refer/',
      ]);
      expectStill(of(held, 'not identified'));
    });

    it('moves nothing for a customer without rewards, on the thank-you page and /refer/', () => {
      expect(of(held, 'identified, no rewards')).toHaveLength(4);
      expectStill(of(held, 'identified, no rewards'));
    });

    it('moves nothing for a customer with rewards, whose list opens only when asked', () => {
      expect(of(held, 'identified, with rewards')).toHaveLength(4);
      expectStill(of(held, 'identified, with rewards'));
      // The list opened below the figures and moved the page, right after the click,
      // which does not count: the record sees the card grow, and excludes it.
      const [opened] = of(held, 'rewards opened');
      expect(opened?.layout.afterInput).toBeGreaterThan(0);
      expect(opened?.layout.shift).toBe(0);
    });

    it('is as tall in every state, at each width', () => {
      const states = ['not identified', 'identified, no rewards', 'identified, with rewards'];
      for (const viewport of new Set(held.map((layout) => layout.viewport))) {
        const sizes = held
          .filter((layout) => layout.viewport === viewport && states.includes(layout.state))
          .map((layout) => layout.layout.sizes.at(-1));
        expect(new Set(sizes).size, viewport).toBe(1);
      }
    });
  });

  describe('on a page that does not hold its space', () => {
    it('holds one block size from the moment it is mounted to the state it shows', () => {
      const states = unheld.filter((layout) => layout.state !== 'rewards opened');
      expect(states).toHaveLength(10);
      for (const { state, page, viewport, layout } of states) {
        const where = `${state}, ${page}, ${viewport}`;
        // Nothing until the widget's code mounts it (the loader holds no space yet), then
        // the one size it keeps: it moves the page as it appears, and never again.
        expect(
          layout.sizes.filter((size) => size > 0),
          where,
        ).toHaveLength(1);
      }
      for (const viewport of new Set(states.map((layout) => layout.viewport))) {
        const sizes = states
          .filter((layout) => layout.viewport === viewport)
          .map((layout) => layout.layout.sizes.at(-1));
        expect(new Set(sizes).size, viewport).toBe(1);
      }
    });
  });
});
