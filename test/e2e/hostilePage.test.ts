import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { type PageWatch, watchPage } from '../support/watchPage.js';

/** What a shopper sees of the probe: computed styles inside its shadow root and its size. */
function measureProbe(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-vouch="probe"]')?.shadowRoot;
    if (!root) throw new Error('no open shadow root on the probe host');
    const style = (selector: string) => {
      const element = root.querySelector(selector);
      if (!element) throw new Error(`no ${selector} in the probe`);
      const s = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        fontSize: s.fontSize,
        boxSizing: s.boxSizing,
        fontFamily: s.fontFamily,
        lineHeight: s.lineHeight,
        color: s.color,
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
    };
    return { part: style('[data-vouch-part="probe"]'), text: style('p'), button: style('button') };
  });
}

const HOSTILE_HEAD = `<style>
html { font-size: 10px }
* { box-sizing: content-box }
body { font-family: serif; color: rgb(160, 0, 0); line-height: 3; letter-spacing: 2px }
button { padding: 40px; border: 9px dotted red }
p { margin: 60px; font-size: 3rem }
</style>
<script>window.exports = {}; window.module = { exports: window.exports };</script>`;

// A focus trap like a newsletter popup's: focus may not leave the dialog.
const FOCUS_TRAP = `<div id="trap" role="dialog" aria-modal="true" aria-label="Newsletter">
<button id="trap-first">Sign up</button> <button id="trap-last">No thanks</button>
</div>
<script>
const trap = document.getElementById('trap');
document.addEventListener('focusin', (event) => {
  if (!trap.contains(event.target)) document.getElementById('trap-first').focus();
});
document.getElementById('trap-first').focus();
</script>`;

// The page's markup once parsed, taken before the (held back) loader runs.
const SNAPSHOT = `<script>
document.addEventListener('DOMContentLoaded', () => { window.before = document.documentElement.outerHTML; });
</script>`;

describeWithChromium('script tag on a hostile page', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch();
  });
  afterAll(async () => {
    await vouch?.close();
  });

  async function open(path: string): Promise<{ page: Page; watch: PageWatch }> {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.route('**/v1/vouch.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(`${vouch.url}${path}`);
    await page.getByRole('button', { name: 'Probe' }).waitFor();
    return { page, watch };
  }

  it('renders the widget as on a plain page and leaves the page as it was', async () => {
    const tag = snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey);
    const probe = '<div data-vouch="probe" data-label="Probe"></div>';
    vouch.page('/plain', html({ head: tag, body: probe }));
    vouch.page(
      '/hostile',
      html({
        head: `${HOSTILE_HEAD}\n${tag}\n${tag}`,
        body: `<p id="own">The shop's own paragraph</p>\n${FOCUS_TRAP}\n${probe}\n${SNAPSHOT}`,
      }),
    );

    const plain = await open('/plain');
    const expected = await measureProbe(plain.page);
    expect(expected.part.fontSize).toMatch(/px$/);

    const { page, watch } = await open('/hostile');
    expect(await measureProbe(page)).toEqual(expected);

    // The page's own markup, styles and focus are as the page made them.
    const after = await page.evaluate(() => ({
      sameMarkup: document.documentElement.outerHTML === (window as { before?: string }).before,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      ownBoxSizing: getComputedStyle(document.getElementById('own') as Element).boxSizing,
      ownFontSize: getComputedStyle(document.getElementById('own') as Element).fontSize,
      styleSheets: document.styleSheets.length,
      adoptedSheets: document.adoptedStyleSheets.length,
      focused: document.activeElement?.id,
      exportsKeys: Object.keys((window as { exports?: object }).exports ?? {}),
    }));
    expect(after).toEqual({
      sameMarkup: true,
      rootFontSize: '10px',
      ownBoxSizing: 'content-box',
      ownFontSize: '30px',
      styleSheets: 1,
      adoptedSheets: 0,
      focused: 'trap-first',
      exportsKeys: [],
    });
    // The trap still holds: Tab stays inside the dialog.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#trap') !== null)).toBe(true);

    // Included twice, started once: one runtime, one page view.
    const runtimes = watch.requests.filter((url) => /\/v1\/widgets\/runtime-[\w-]+\.js$/.test(url));
    expect(runtimes).toHaveLength(1);
    await waitFor(async () => {
      const views = await vouch.events('page');
      return views.some((event) => event.data.url === `${vouch.url}/hostile`) ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const views = (await vouch.events('page')).filter(
      (event) => event.data.url === `${vouch.url}/hostile`,
    );
    expect(views).toHaveLength(1);

    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.consoleWarnings).toEqual([]);
    expect(plain.watch.pageErrors).toEqual([]);
    expect(plain.watch.consoleErrors).toEqual([]);
  });
});
