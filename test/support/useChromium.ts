import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';

/** What a browser suite gets from {@link useChromium}. */
export interface ChromiumFixture {
  browser(): Browser;
  /** A fresh context (own storage and cache), closed after the test. */
  context(): Promise<BrowserContext>;
}

/** Launches one Chromium for a suite (inside a `describeWithChromium`) and closes it after. */
export function useChromium(): ChromiumFixture {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const get = () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
  return {
    browser: get,
    async context() {
      const context = await get().newContext();
      contexts.push(context);
      return context;
    },
  };
}
