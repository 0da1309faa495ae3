import { describe } from 'vitest';
import { CHROMIUM_MISSING, findChromium } from './launchChromium.js';

export { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium, launchChromium } from './launchChromium.js';

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
