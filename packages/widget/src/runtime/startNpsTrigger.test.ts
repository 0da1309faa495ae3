import {
  createMemoryPlatform,
  createVouch,
  type MemoryPlatform,
  type NpsRulesInput,
  type VouchClient,
} from '@vouch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type NpsTriggerSettings, startNpsTrigger } from './startNpsTrigger.js';

// The trigger on a real client (its recording half included) (the rules engine, the kept
// state in memory storage) and the memory platform's fake clock: only the clock and the
// page are stand-ins.
const SITE = 'pk_npstrigger_000000001';
let client: VouchClient | undefined;
let platform: MemoryPlatform;
afterEach(() => client?.destroy());

/** Moves the fake clock, letting the promises between timers settle. */
async function advance(ms: number) {
  const end = platform.now() + ms;
  for (;;) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const step = Math.min(end - platform.now(), 100);
    if (step <= 0) break;
    platform.advance(step);
  }
}

async function setUp(rules: NpsRulesInput | null, url = 'https://shop.example/thanks') {
  platform = createMemoryPlatform({ url, now: Date.UTC(2026, 10, 23, 12) });
  const vouch = createVouch({ site: SITE, endpoint: 'https://vouch.shop.example', platform });
  client = vouch;
  // The NPS code loads on first use: let it arrive before the clock is driven.
  await vouch.nps.state();
  const shown: number[] = [];
  const warnings: string[] = [];
  let onScreen = false;
  const settings: NpsTriggerSettings = {
    client: vouch,
    rules,
    startedAt: platform.now(),
    show: () => shown.push(platform.now()),
    onScreen: () => onScreen,
    warn: (message) => warnings.push(message),
    setTimeout: platform.setTimeout,
    clearTimeout: platform.clearTimeout,
    now: platform.now,
  };
  return {
    shown,
    warnings,
    settings,
    cover: (value: boolean) => {
      onScreen = value;
    },
  };
}

describe('startNpsTrigger', () => {
  it('shows the prompt after the delay the rules leave, once per page view', async () => {
    const page = await setUp({ delayMs: 5000, minPageViews: 1 });
    const start = platform.now();
    const trigger = startNpsTrigger(page.settings);
    await advance(4999);
    expect(page.shown).toEqual([]);
    await advance(1);
    expect(page.shown).toEqual([start + 5000]);
    // Shown is recorded by the widget when it appears; a request now asks again.
    client?.nps.shown();
    await advance(0);
    trigger.request();
    await advance(60_000);
    expect(page.shown).toHaveLength(1);
    trigger.stop();
  });

  it('checks again when the delay is over, and skips the page view if another prompt came meanwhile', async () => {
    const page = await setUp({ delayMs: 1000, minPageViews: 1 });
    startNpsTrigger(page.settings);
    await advance(500);
    page.cover(true); // a referral banner appeared
    await advance(5000);
    expect(page.shown).toEqual([]);
    page.cover(false);
    await advance(60_000);
    expect(page.shown).toEqual([]);
  });

  it('drops a pending prompt on a route change and waits again on the new page view', async () => {
    const page = await setUp({ delayMs: 5000, minPageViews: 2 });
    const trigger = startNpsTrigger(page.settings);
    // The first page view is too early (minPageViews 2): nothing is pending.
    await advance(3000);
    trigger.routeChanged();
    const second = platform.now();
    await advance(3000);
    trigger.routeChanged(); // leaves before its 5 s: that prompt is dropped
    const third = platform.now();
    await advance(4999);
    expect(page.shown).toEqual([]);
    await advance(1);
    expect(page.shown).toEqual([third + 5000]);
    expect(third - second).toBe(3000);
    expect(await client?.nps.state()).toMatchObject({ pageViews: 3 });
  });

  it('without rules shows nothing by itself, but on request and with ?vouch_nps=1', async () => {
    const quiet = await setUp(null);
    const trigger = startNpsTrigger(quiet.settings);
    await advance(60_000);
    expect(quiet.shown).toEqual([]);
    trigger.request();
    await advance(0);
    expect(quiet.shown).toHaveLength(1);
    client?.destroy();

    const debug = await setUp(null, 'https://shop.example/products/oat?vouch_nps=1');
    startNpsTrigger(debug.settings);
    await advance(0);
    expect(debug.shown).toHaveLength(1);
  });

  it('stops without leaving a timer, and reports a bad rule instead of throwing', async () => {
    const page = await setUp({ delayMs: 5000, minPageViews: 1 });
    startNpsTrigger(page.settings).stop();
    await advance(10_000);
    expect(page.shown).toEqual([]);
    expect(platform.timers()).toBe(0);
    client?.destroy();

    const bad = await setUp({ delayMs: -1 });
    startNpsTrigger(bad.settings);
    await advance(0);
    expect(bad.shown).toEqual([]);
    expect(bad.warnings.join()).toMatch(/"delayMs" must be 0–3600000 ms/);
  });
});
