import { describe, expect, it } from 'vitest';
import { decideNps, type NpsPage } from './decideNps.js';
import {
  NPS_FRESH_STATE,
  type NpsKeptState,
  withNpsAnswered,
  withNpsConversion,
  withNpsDismissed,
  withNpsPageView,
  withNpsShown,
} from './npsKeptState.js';
import { npsRules } from './npsRules.js';
import { samplingBucket } from './samplingBucket.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 12);
const SITE = 'pk_test_0123456789abcdef';

/** A visitor's walk through a shop on a fake clock: pages, purchases, prompts. */
function visit(rulesInput: Parameters<typeof npsRules>[0] = {}, visitor = 'visitor-1') {
  const rules = npsRules(rulesInput);
  let now = T0;
  let state: NpsKeptState = NPS_FRESH_STATE;
  let page: NpsPage = { url: 'https://shop.example/', startedAt: now, site: SITE, visitor };
  return {
    open(url: string, extra: Partial<NpsPage> = {}) {
      page = { url, startedAt: now, site: SITE, visitor, ...extra };
      state = withNpsPageView(state, now);
    },
    decide: (extra: Partial<NpsPage> = {}) => decideNps(state, rules, { ...page, ...extra }, now),
    tick(ms: number) {
      now += ms;
    },
    shown() {
      state = withNpsShown(state, now);
    },
    answered() {
      state = withNpsAnswered(state, now);
    },
    dismissed() {
      state = withNpsDismissed(state, now);
    },
    converted() {
      state = withNpsConversion(state, now);
    },
    get state() {
      return state;
    },
  };
}

describe('decideNps triggers', () => {
  it('waits the delay on the page, and counts from the start of the page view', () => {
    const shop = visit({ delayMs: 8000, minPageViews: 1 });
    shop.open('https://shop.example/products/sku-1');
    expect(shop.decide()).toEqual({ show: 'later', inMs: 8000, reason: 'delay' });
    shop.tick(3000);
    expect(shop.decide()).toEqual({ show: 'later', inMs: 5000, reason: 'delay' });
    shop.tick(5000);
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it('waits for N page views; a single-page-app route is a page view and restarts the delay', () => {
    const shop = visit({ delayMs: 1000, minPageViews: 3 });
    shop.open('https://shop.example/');
    shop.tick(5000);
    expect(shop.decide()).toEqual({ show: 'no', reason: 'too-few-page-views' });
    shop.open('https://shop.example/products');
    shop.decide();
    shop.decide(); // asking again does not count the page view again
    expect(shop.state.pageViews).toBe(2);
    shop.tick(600);
    shop.open('https://shop.example/products/sku-1'); // route change before the delay ran out
    expect(shop.state.pageViews).toBe(3);
    expect(shop.decide()).toEqual({ show: 'later', inMs: 1000, reason: 'delay' });
  });

  it('shows only on included pages and never on excluded ones', () => {
    const rules = { delayMs: 0, minPageViews: 0, include: ['/products/*', '/thank-you'] };
    const shop = visit({ ...rules, exclude: ['/products/gift-*'] });
    shop.open('https://shop.example/cart');
    expect(shop.decide().reason).toBe('not-included');
    shop.open('https://shop.example/products/gift-card');
    expect(shop.decide().reason).toBe('excluded');
    shop.open('https://shop.example/thank-you');
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
    shop.open('https://shop.example/products/sku-1?colour=red');
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it('waits N days after a purchase when asked to', () => {
    const shop = visit({ delayMs: 0, minPageViews: 0, afterConversionDays: 7 });
    shop.open('https://shop.example/');
    expect(shop.decide().reason).toBe('no-conversion');
    shop.converted();
    shop.tick(7 * DAY - 1);
    shop.open('https://shop.example/');
    expect(shop.decide().reason).toBe('conversion-too-recent');
    shop.tick(1);
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it("shows on vouch('nps') regardless of page rules, and only then with a manual trigger", () => {
    const shop = visit({ trigger: 'manual', minPageViews: 5, exclude: ['*'] });
    shop.open('https://shop.example/account');
    expect(shop.decide()).toEqual({ show: 'no', reason: 'manual-only' });
    expect(shop.decide({ requested: true })).toEqual({ show: 'now', reason: 'requested' });
  });

  it('shows at once with ?vouch_nps=1, past every rule but the two that protect the page', () => {
    const shop = visit({ trigger: 'manual', sampleRate: 0 });
    shop.answered();
    shop.open('https://shop.example/?vouch_nps=1');
    expect(shop.decide()).toEqual({ show: 'now', reason: 'debug' });
    expect(shop.decide({ promptOnScreen: true }).reason).toBe('prompt-on-screen');
    shop.shown();
    expect(shop.decide().reason).toBe('shown-this-page');
    shop.tick(1000);
    shop.open('https://shop.example/?vouch_nps=0');
    expect(shop.decide().reason).toBe('sampled-out');
  });
});

describe('decideNps manners', () => {
  const eager = { delayMs: 0, minPageViews: 0 };

  it('shows at most once per page view and never over another vouch prompt', () => {
    const shop = visit({ ...eager, dismissedDays: 0 });
    shop.open('https://shop.example/');
    expect(shop.decide({ promptOnScreen: true })).toEqual({
      show: 'no',
      reason: 'prompt-on-screen',
    });
    expect(shop.decide({ requested: true, promptOnScreen: true }).reason).toBe('prompt-on-screen');
    shop.shown();
    shop.tick(1000);
    shop.dismissed();
    expect(shop.decide({ requested: true })).toEqual({ show: 'no', reason: 'shown-this-page' });
    shop.open('https://shop.example/next');
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it('asks again 90 days after an answer by default', () => {
    const shop = visit(eager);
    shop.open('https://shop.example/');
    shop.shown();
    shop.answered();
    shop.tick(90 * DAY - 1);
    shop.open('https://shop.example/');
    expect(shop.decide()).toEqual({ show: 'no', reason: 'answered-recently' });
    expect(shop.decide({ requested: true }).reason).toBe('answered-recently');
    shop.tick(1);
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it('is quieter for 30 days after a dismissal, or a prompt left unanswered', () => {
    const shop = visit(eager);
    shop.open('https://shop.example/');
    shop.shown();
    shop.dismissed();
    shop.tick(30 * DAY - 1);
    shop.open('https://shop.example/');
    expect(shop.decide().reason).toBe('dismissed-recently');
    shop.tick(1);
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });

    shop.shown(); // then the shopper leaves the page without touching it
    shop.tick(DAY);
    shop.open('https://shop.example/');
    expect(shop.decide().reason).toBe('ignored-recently');
    shop.tick(29 * DAY);
    expect(shop.decide()).toEqual({ show: 'now', reason: 'rules' });
  });

  it('takes custom intervals in days', () => {
    const shop = visit({ ...eager, resurveyDays: 180 });
    shop.answered();
    shop.tick(179 * DAY);
    shop.open('https://shop.example/');
    expect(shop.decide().reason).toBe('answered-recently');
    shop.tick(DAY);
    expect(shop.decide().show).toBe('now');
  });
});

describe('decideNps sampling', () => {
  it('is sticky per visitor: the same answer on every page and visit', () => {
    const rules = { delayMs: 0, minPageViews: 0, sampleRate: 0.5 };
    const visitors = Array.from({ length: 40 }, (_, index) => `visitor-${index}`);
    const drawn = visitors.map((visitor) => {
      const shop = visit(rules, visitor);
      const answers = new Set<string>();
      for (let day = 0; day < 5; day++) {
        shop.open(`https://shop.example/page-${day}`);
        answers.add(shop.decide().show);
        shop.tick(DAY);
      }
      expect(answers.size).toBe(1);
      return [...answers][0] === 'now';
    });
    expect(drawn.filter(Boolean).length).toBeGreaterThan(10);
    expect(drawn.filter((inSample) => !inSample).length).toBeGreaterThan(10);
  });

  it('follows the bucket of site, survey and visitor', () => {
    const bucket = samplingBucket(SITE, 'nps', 'visitor-7');
    const below = visit({ delayMs: 0, minPageViews: 0, sampleRate: bucket }, 'visitor-7');
    below.open('https://shop.example/');
    expect(below.decide().reason).toBe('sampled-out');
    const above = visit({ delayMs: 0, minPageViews: 0, sampleRate: bucket + 1e-9 }, 'visitor-7');
    above.open('https://shop.example/');
    expect(above.decide().show).toBe('now');
  });
});
