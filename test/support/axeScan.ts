import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * The WCAG 2.2 A and AA violations axe-core finds in the first element matching `host`
 * (a widget's host: axe reads its open shadow root as part of it), as `rule: target`
 * strings. Evaluated through the DevTools protocol, so the page's Content-Security-Policy
 * does not apply to the scanner.
 */
export async function axeScan(page: Page, host: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const element = document.querySelector(selector);
    if (!element) return [`nothing matches ${selector}`];
    const result = await axe.run(element, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    });
    // A scan that did not reach into the shadow root would pass every rule: some rule must
    // have passed on a node inside it (its target is a path through the shadow root).
    const inside = result.passes.some((rule) =>
      rule.nodes.some((node) => Array.isArray(node.target[0])),
    );
    if (!inside) return ['the shadow root was not scanned'];
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`),
    );
  }, host);
}
