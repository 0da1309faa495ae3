import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { watchPage } from '../support/watchPage.js';

describeWithChromium('script tag: calls made before the loader arrives', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch();
  });
  afterAll(async () => {
    await vouch?.close();
  });

  it('are replayed in order, and later calls run at once', async () => {
    // Each pair of calls below gives a different result if it ran out of order.
    const url = vouch.page(
      '/queue',
      html({
        body: `<div id="slot"></div><div id="later"></div>
${snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey)}
<script>
window.log = [];
const dropped = (e) => log.push('dropped handler:' + e.options.label);
vouch('on', 'probe:click', dropped);
vouch('off', 'probe:click', dropped);
vouch('on', 'probe:click', (e) => log.push('click:' + e.options.label));
vouch('mount', '#slot', 'probe', { label: 'Replaced' });
vouch('mount', '#slot', 'probe', { label: 'Queued' });
vouch('identify', { id: 'cust_first' });
vouch('reset');
vouch('identify', { id: 'cust_second' });
log.push('queued:' + vouch.q.length + ':' + Boolean(vouch.loaded));
</script>`,
      }),
    );
    const context = await chromium.context();
    const page = await context.newPage();
    const watch = watchPage(page);
    // Hold the loader back a little so the calls above are surely queued before it runs.
    await page.route('**/v1/vouch.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(url);

    const button = page.getByRole('button', { name: 'Queued' });
    await button.click();
    await waitFor(async () =>
      (await page.evaluate(() => window.log.length)) >= 2 ? true : undefined,
    );
    expect(await page.evaluate(() => window.log)).toEqual(['queued:8:false', 'click:Queued']);
    // The first mount was replaced: one probe in the slot, showing the second options.
    expect(await page.locator('#slot [data-vouch-part="probe"]').count()).toBe(1);
    await expect(page.getByRole('button', { name: 'Replaced' }).count()).resolves.toBe(0);

    // identify → reset → identify: the page view carries the last customer.
    const [view] = await waitFor(async () => {
      const events = await vouch.events('page');
      return events.length ? events : undefined;
    });
    expect(view?.customer).toBe('cust_second');
    expect(view?.data.url).toBe(url);

    // Once loaded, `vouch` is the real function: a mount runs at once and returns its unmount.
    const kind = await page.evaluate(() => {
      window.unmountLater = window.vouch('mount', '#later', 'probe', { label: 'Later' }) as
        | (() => void)
        | undefined;
      return typeof window.unmountLater;
    });
    expect(kind).toBe('function');
    await page.getByRole('button', { name: 'Later' }).click();
    await waitFor(async () =>
      (await page.evaluate(() => window.log.length)) >= 3 ? true : undefined,
    );
    expect(await page.evaluate(() => window.log.at(-1))).toBe('click:Later');
    await page.evaluate(() => window.unmountLater?.());
    await expect(page.getByRole('button', { name: 'Later' }).count()).resolves.toBe(0);

    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.consoleWarnings).toEqual([]);
  });
});

declare global {
  interface Window {
    log: string[];
    unmountLater?: (() => void) | undefined;
    vouch: ((...args: unknown[]) => unknown) & { q?: unknown[]; loaded?: boolean };
  }
}
