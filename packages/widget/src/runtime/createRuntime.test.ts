import { within } from '@testing-library/preact';
import { createBrowserPlatform } from '@vouch/core/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import probe from '../../test/fixtures/probe.js';
import { type ApiServer, siteConfig, startApiServer } from '../../test/support/startApiServer.js';
import { createRuntime } from './createRuntime.js';
import type { RuntimeHost } from './Runtime.js';

let api: ApiServer;
let sites = 0;
const nextSite = () => `pk_runtimetest_${String(++sites).padStart(12, '0')}`;

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());
afterEach(() => {
  api.config = (key) => ({ status: 200, body: siteConfig(key) });
  history.replaceState(null, '', '/');
  for (const element of Array.from(document.body.children)) element.remove();
});

/** A runtime as the loader starts it, in this (happy-dom) page with the browser platform. */
function start(site: string) {
  const warnings: string[] = [];
  const host: RuntimeHost = {
    site,
    endpoint: api.url,
    warn: (command, message) => warnings.push(`${command}: ${message}`),
  };
  return { runtime: createRuntime({ host, platform: createBrowserPlatform() }), warnings };
}

describe('createRuntime', () => {
  it('reads the site config, then records the page view and a ?ref landing, no widget needed', async () => {
    const site = nextSite();
    history.replaceState(null, '', '/products/soap?ref=FRIEND42');
    const { warnings } = start(site);
    await expect
      .poll(() => api.eventsOf(site).map((event) => event.type), { timeout: 5000 })
      .toEqual(['landing', 'page']);
    expect(api.eventsOf(site)[0]).toMatchObject({ ref: 'FRIEND42' });
    expect(api.requests).toContain(`GET /v1/sites/${site}/config`);
    expect(warnings).toEqual([]);
  });

  it('keeps working with defaults when the config cannot be read, and says so', async () => {
    const site = nextSite();
    api.config = (key) =>
      key === site ? { status: 500, body: {} } : { status: 200, body: siteConfig(key) };
    const { warnings } = start(site);
    await expect
      .poll(() => api.eventsOf(site).map((event) => event.type), { timeout: 5000 })
      .toEqual(['page']);
    expect(warnings).toEqual([
      'init: could not read the site settings (the server answered 500); using defaults',
    ]);
  });

  it('rejects a config of the wrong shape', async () => {
    const site = nextSite();
    api.config = (key) => ({ status: 200, body: { ...siteConfig(key), attribution: 'middle' } });
    const { runtime, warnings } = start(site);
    const element = document.body.appendChild(document.createElement('div'));
    runtime.mount(element, probe, {});
    await vi.waitFor(() => expect(element.shadowRoot).not.toBeNull());
    expect(warnings).toEqual([
      'init: could not read the site settings (the server sent invalid settings ("attribution")); using defaults',
    ]);
  });

  it('runs commands once the client exists, checking their arguments first', async () => {
    const site = nextSite();
    const { runtime, warnings } = start(site);
    runtime.run('identify', [{ id: 'customer-8', email: 'ada@example.com', extra: 1 }]);
    runtime.run('identify', [{ id: 'customer-8', email: 'ada@example.com' }]);
    runtime.run('consent', [true]);
    runtime.run('reset', []);
    runtime.run('unknown', []);
    await expect
      .poll(() => api.eventsOf(site).find((event) => event.type === 'page'), { timeout: 5000 })
      .toBeTruthy();
    expect(warnings).toEqual(['unknown: unknown command', 'identify: "extra": unknown field']);
    // The reset came after the identify, before the page view.
    expect(api.eventsOf(site)[0]?.customer).toBeUndefined();
  });

  it('mounts widgets once the config is known, with the site theme', async () => {
    const site = nextSite();
    api.config = (key) => ({
      status: 200,
      body: siteConfig(key, { theme: { 'color-accent': '#ff5500' } }),
    });
    const { runtime } = start(site);
    const element = document.body.appendChild(document.createElement('div'));
    const unmount = runtime.mount(element, probe, { label: 'Themed' });
    expect(element.shadowRoot).toBeNull();
    await vi.waitFor(() => expect(element.shadowRoot).not.toBeNull());
    const shadow = element.shadowRoot as ShadowRoot;
    expect(
      within(shadow as unknown as HTMLElement).getByRole('button', { name: 'Themed' }),
    ).toBeTruthy();
    expect(
      Array.from(shadow.adoptedStyleSheets[1]?.cssRules ?? [], (rule) => rule.cssText).join(),
    ).toMatch(/--vouch-color-accent:\s*#ff5500/);
    unmount();
    expect(shadow.childNodes).toHaveLength(0);

    // Unmounted before the config came: nothing is ever attached.
    const cancelled = document.body.appendChild(document.createElement('div'));
    start(nextSite()).runtime.mount(cancelled, probe, {})();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cancelled.shadowRoot).toBeNull();
  });
});
