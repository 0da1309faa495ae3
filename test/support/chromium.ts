import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; undefined if absent. */
export function findChromium(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** What a skipped browser suite says, so the reader knows how to run it. */
export const CHROMIUM_MISSING =
  'Chromium not found: apt-get install -y chromium (bash .ci/run installs it)';

/**
 * Flags for a quiet headless Chromium on a closed network: without the
 * background-networking ones it keeps trying to reach update and sync services.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the machine's Chromium (playwright-core never downloads one). Playwright gives
 * every launch a fresh temporary user-data-dir and deletes it on close, so no state
 * carries over between suites.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * `describe` for a suite that needs Chromium: skipped with a title saying how to install
 * it when it is missing, or failing when every suite is required (`VOUCH_REQUIRE_ALL_SUITES`).
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (findChromium()) {
    describe(name, body);
  } else if (process.env.VOUCH_REQUIRE_ALL_SUITES) {
    describe(name, () => {
      throw new Error(`${CHROMIUM_MISSING}; every suite is required`);
    });
  } else {
    describe.skip(`${name} (${CHROMIUM_MISSING})`, body);
  }
}
