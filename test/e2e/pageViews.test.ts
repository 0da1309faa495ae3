import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { type StoredEvent, startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { watchPage } from '../support/watchPage.js';

/** Waits until the site has stored at least `count` events of `type`. */
function stored(vouch: TestVouch, type: string, count: number): Promise<StoredEvent[]> {
  return waitFor(
    async () => {
      const events = await vouch.events(type);
      return events.length >= count ? events : undefined;
    },
    { message: `${count} ${type} events stored` },
  );
}

/** Long enough for a batch the client would still send (its debounce is about 1 s). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

describeWithChromium('script tag: page views and referral landings', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch();
    vouch.page(
      '/soap',
      html({ title: 'Oat soap', head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey) }),
    );
  });
  afterAll(async () => {
    await vouch?.close();
  });

  it('stores a page view per load and a landing once per code, not again on reload', async () => {
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);

    await page.goto(`${vouch.url}/soap?ref=FRIEND42`);
    const [landing] = await stored(vouch, 'landing', 1);
    const [view] = await stored(vouch, 'page', 1);
    expect(landing?.data).toEqual({ url: `${vouch.url}/soap?ref=FRIEND42`, ref: 'FRIEND42' });
    expect(view?.data).toMatchObject({ url: `${vouch.url}/soap?ref=FRIEND42`, title: 'Oat soap' });
    expect(view?.visitor).toMatch(/^[\w-]{8,64}$/);
    expect(landing?.visitor).toBe(view?.visitor);

    await page.reload();
    await stored(vouch, 'page', 2);
    await settle();
    expect(await vouch.events('landing')).toHaveLength(1);

    // The same code on another page is the same landing; a new code is a new one. (Each
    // view is awaited: a page left before it was ever idle records no view of its own.)
    await page.goto(`${vouch.url}/soap?ref=FRIEND42&utm_source=mail`);
    await stored(vouch, 'page', 3);
    await page.goto(`${vouch.url}/soap?ref=SISTER77`);
    await stored(vouch, 'page', 4);
    await settle();
    const landings = await vouch.events('landing');
    expect(landings.map((event) => event.data.ref)).toEqual(['FRIEND42', 'SISTER77']);

    const views = await vouch.events('page');
    expect(views).toHaveLength(4);
    expect(new Set(views.map((event) => event.id)).size).toBe(4);
    expect(new Set(views.map((event) => event.visitor))).toEqual(new Set([view?.visitor]));
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('records no landing without a valid code', async () => {
    const before = (await vouch.events('page')).length;
    const page = await (await chromium.context()).newPage();
    await page.goto(`${vouch.url}/soap?ref=%3Cscript%3E`);
    await stored(vouch, 'page', before + 1);
    await settle();
    expect((await vouch.events('landing')).map((event) => event.data.ref)).toEqual([
      'FRIEND42',
      'SISTER77',
    ]);
  });
});
