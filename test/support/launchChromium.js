// Plain JavaScript so that both the test suites (through vite) and `npm run bench` (plain
// Node, no TypeScript loader) launch the machine's Chromium the same way.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; undefined if absent.
 * @returns {string | undefined}
 */
export function findChromium() {
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
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
