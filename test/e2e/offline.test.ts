import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';

const loaded = () => (window as { vouch?: { loaded?: boolean } }).vouch?.loaded === true;

describeWithChromium('script tag: a shopper who goes offline', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch();
  });
  afterAll(async () => {
    await vouch?.close();
  });

  const pageViews = async (count: number) =>
    waitFor(
      async () => {
        const events = await vouch.events('page');
        return events.length >= count ? events : undefined;
      },
      { timeout: 20_000, message: `${count} page views stored` },
    );

  it('loses no event recorded offline, across a reload, and stores none twice', async () => {
    // The page may come from the browser's cache, as a page a shopper had open does.
    const url = vouch.page(
      '/offline',
      html({ head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey) }),
      { 'cache-control': 'max-age=600' },
    );
    const context = await chromium.context();
    const page = await context.newPage();
    const failedSends: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('/v1/events')) failedSends.push(request.postData() ?? '');
    });

    await page.goto(url);
    await pageViews(1);

    await context.setOffline(true);
    // Two more views while offline: the page is opened again from the cache, then again.
    await page.goto(url);
    await page.waitForFunction(loaded);
    await page.goto(url);
    await page.waitForFunction(loaded);
    // The last view's send fails, and its event waits in storage.
    await waitFor(() => (failedSends.length ? true : undefined), { message: 'a failed send' });
    const outbox = await page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('vouch:'))
        .map(([, value]) => value)
        .join('\n'),
    );
    const kept = [...outbox.matchAll(/"id":"([\w-]{8,64})"/g)].map((match) => match[1]);
    // Chromium's offline emulation lets a page's unload beacon through, so the middle view
    // may already be stored; the last one cannot be, and waits in storage.
    const whileOffline = new Set((await vouch.events('page')).map((event) => event.id));
    expect(whileOffline.size).toBeLessThan(3);
    const waiting = kept.filter((id) => id !== undefined && !whileOffline.has(id));
    expect(waiting.length).toBeGreaterThan(0);

    await context.setOffline(false);
    await pageViews(3);
    // Let any resend (a retry, a beacon already stored) land before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const all = await vouch.events('page');
    expect(all).toHaveLength(3);
    expect(new Set(all.map((event) => event.id)).size).toBe(3);
    expect(all.map((event) => event.id)).toEqual(expect.arrayContaining(waiting));
    expect(new Set(all.map((event) => event.visitor)).size).toBe(1);
    // Acknowledged events leave storage: nothing of ours is left waiting.
    await waitFor(async () =>
      (await page.evaluate(() =>
        Object.values(localStorage).some((value) => value.includes('"type":"page"')),
      ))
        ? undefined
        : true,
    );
  });
});
