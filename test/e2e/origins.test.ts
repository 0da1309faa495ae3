import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { type PageServer, startPageServer } from '../support/startPageServer.js';
import { startVouch, type TestVouch } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { type NetworkExchange, watchNetwork } from '../support/watchNetwork.js';
import { watchPage } from '../support/watchPage.js';

describeWithChromium('browser calls from an origin the site does not allow', () => {
  const chromium = useChromium();
  let vouch: TestVouch;
  let stranger: PageServer;

  beforeAll(async () => {
    vouch = await startVouch();
    // `localhost` and `127.0.0.1` are different origins to a browser.
    stranger = await startPageServer({ hostname: 'localhost' });
  });
  afterAll(async () => {
    await stranger?.close();
    await vouch?.close();
  });

  it('are refused with 403 and no CORS headers, and nothing is stored', async () => {
    const url = stranger.page(
      '/copycat',
      html({ head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey) }),
    );
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    const network = await watchNetwork(page);
    await page.goto(url);

    // The scripts are public (any page may load them); the site's API is not.
    const api = (exchange: NetworkExchange) =>
      exchange.url.includes('/v1/sites/') || exchange.url.endsWith('/v1/events');
    // Chromium tells an answer's status, then (in an event of its own, which may come later
    // on a busy machine) why the page may not read it: wait for both.
    const refused = await waitFor(() => {
      const answered = network.filter((exchange) => api(exchange) && exchange.status);
      return answered.some((exchange) => exchange.method === 'POST') &&
        answered.every((exchange) => exchange.corsError)
        ? answered
        : undefined;
    });
    for (const answer of refused) {
      expect(answer.status, answer.url).toBe(403);
      expect(answer.headers['access-control-allow-origin'], answer.url).toBeUndefined();
      expect(answer.corsError, answer.url).toBe('MissingAllowOriginHeader');
    }
    // Chromium reports an answer's headers in an event of their own, which may come after
    // later requests were answered on a busy machine: wait for the loader's.
    const loader = await waitFor(() =>
      network.find((exchange) => exchange.url.endsWith('/v1/vouch.js') && exchange.status),
    );
    expect(loader.status).toBe(200);
    expect(loader.headers['access-control-allow-origin']).toBe('*');

    // A page script reading the API directly gets nothing either.
    const direct = await page.evaluate(
      async ({ endpoint, site }) => {
        const results: string[] = [];
        const body = JSON.stringify({
          site,
          events: [
            { id: 'copycat-1', type: 'page', at: new Date().toISOString(), url: location.href },
          ],
        });
        for (const init of [
          { method: 'POST', body },
          {
            method: 'POST',
            body,
            headers: { 'Content-Type': 'application/json', 'X-Vouch-Site': site },
          },
        ]) {
          try {
            const res = await fetch(`${endpoint}/v1/events`, init);
            results.push(`answered ${res.status}`);
          } catch (error) {
            results.push((error as Error).name);
          }
        }
        return results;
      },
      { endpoint: vouch.url, site: vouch.site.publicKey },
    );
    expect(direct).toEqual(['TypeError', 'TypeError']);
    // The second needed a preflight, which is refused the same way.
    await waitFor(() =>
      network.find((exchange) => exchange.method === 'OPTIONS' && exchange.status),
    );
    for (const exchange of network.filter(api)) {
      if (exchange.status)
        expect([exchange.method, exchange.status]).toEqual([exchange.method, 403]);
      expect(exchange.headers['access-control-allow-origin']).toBeUndefined();
    }

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await vouch.events()).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
