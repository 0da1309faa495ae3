import { within } from '@testing-library/preact';
import { createBrowserPlatform } from '@vouch/core/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import probe from '../../test/fixtures/probe.js';
import { type ApiServer, siteConfig, startApiServer } from '../../test/support/startApiServer.js';
import { mount } from '../mount.js';
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

/**
 * A runtime as the loader starts it, in this (happy-dom) page with the browser platform.
 * @param recording what importing the recording chunk gives (default: the real module)
 */
function start(site: string, recording = () => import('./startRecording.js')) {
  const warnings: string[] = [];
  const host: RuntimeHost = {
    site,
    endpoint: api.url,
    warn: (command, message) => warnings.push(`${command}: ${message}`),
  };
  const runtime = createRuntime({
    host,
    platform: createBrowserPlatform(),
    loadRecording: recording,
    mount,
  });
  return { runtime, warnings };
}

/** A recording chunk that arrives when `arrive()` is called, or fails with `fail()`. */
function heldRecording() {
  const held: {
    arrive: () => void;
    fail: (error: Error) => void;
    loads: number;
    load: () => Promise<typeof import('./startRecording.js')>;
  } = {
    arrive: () => {},
    fail: () => {},
    loads: 0,
    load: () => {
      held.loads++;
      return new Promise((resolve, reject) => {
        held.arrive = () => resolve(import('./startRecording.js'));
        held.fail = reject;
      });
    },
  };
  return held;
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

  it('checks the site key and endpoint the page gave, naming each bad field', async () => {
    const warnings: string[] = [];
    const seen: unknown[] = [];
    const runtime = createRuntime({
      host: {
        site: 'pk_short',
        endpoint: `${api.url}/?preview=1`,
        config: Promise.resolve(Response.json(siteConfig(nextSite()))),
        warn: (command, message) => warnings.push(`${command}: ${message}`),
      },
      platform: createBrowserPlatform(),
      loadRecording: () => import('./startRecording.js'),
      mount,
    });
    runtime.on('ping', (detail: unknown) => seen.push(detail));
    runtime.run('reset', []);
    await vi.waitFor(() => expect(warnings).toHaveLength(2));
    expect(warnings).toEqual([
      'init: "site": must be a public site key (pk_…); "endpoint": must be the server URL, without query or fragment',
      'reset: vouch could not start on this page',
    ]);
    // Without a client the page's handlers are still served.
    runtime.emit('ping', 1);
    expect(seen).toEqual([1]);
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

  it('mounts widgets without waiting for the recording code, then records in order', async () => {
    const site = nextSite();
    history.replaceState(null, '', '/thanks?ref=FRIEND42');
    const recording = heldRecording();
    const { runtime, warnings } = start(site, recording.load);
    runtime.run('identify', [{ id: 'customer-9' }]);
    runtime.run('conversion', [{ orderId: 'o-9', amount: 20, currency: 'EUR' }]);
    runtime.run('conversion', [{ orderId: 'o-10', amount: -1, currency: 'EUR' }]);
    runtime.run('reset', []);
    const element = document.body.appendChild(document.createElement('div'));
    runtime.mount(element, probe, { label: 'Early' });
    const widget = await vi.waitFor(() => {
      expect(element.shadowRoot).not.toBeNull();
      return within(element.shadowRoot as unknown as HTMLElement);
    });
    expect(widget.getByRole('button', { name: 'Early' })).toBeTruthy();
    expect(recording.loads).toBe(1);
    expect(api.eventsOf(site)).toEqual([]);
    const posted = () => api.requests.filter((request) => request === 'POST /v1/conversions');
    expect(posted()).toEqual([]);

    recording.arrive();
    await expect
      .poll(() => api.eventsOf(site).map((event) => [event.type, event.customer]), {
        timeout: 5000,
      })
      .toEqual([
        ['landing', 'customer-9'],
        ['page', 'customer-9'],
      ]);
    await expect.poll(posted).toHaveLength(1);
    // The reset waited behind the conversions, and the bad one was reported once checked.
    expect(warnings).toEqual(['conversion: "amount": must be an amount from 0 to 10000000']);
  });

  it('tries the recording code again on the next command that needs it', async () => {
    const site = nextSite();
    const recording = heldRecording();
    const { runtime, warnings } = start(site, recording.load);
    await vi.waitFor(() => expect(recording.loads).toBe(1));
    recording.fail(new Error('offline'));
    await vi.waitFor(() =>
      expect(warnings).toEqual([
        'init: page views and conversions did not load (offline); will retry',
      ]),
    );
    runtime.run('conversion', [{ orderId: 'o-11', amount: 5, currency: 'EUR' }]);
    expect(recording.loads).toBe(2);
    recording.arrive();
    await expect
      .poll(() => api.eventsOf(site).map((event) => event.type), { timeout: 5000 })
      .toEqual(['page']);
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
