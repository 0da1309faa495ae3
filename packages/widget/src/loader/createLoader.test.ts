import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import {
  installStub,
  realChunks,
  resetWindow,
  startLoader,
  vouch,
} from '../../test/support/loaderHarness.js';
import { type ApiServer, startApiServer } from '../../test/support/startApiServer.js';

let api: ApiServer;
let sites = 0;
/** A fresh site per test: runtimes of earlier tests keep running in this window. */
const nextSite = () => `pk_loadertest_${String(++sites).padStart(12, '0')}`;

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

let warn: MockInstance<Console['warn']>;
beforeEach(() => {
  resetWindow();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  Reflect.deleteProperty(window, 'requestIdleCallback');
});

/** Messages logged by the loader and runtime, without the `[vouch] ` prefix. */
const warnings = () =>
  warn.mock.calls
    .map(([text]) => String(text))
    .filter((text) => text.startsWith('[vouch] '))
    .map((text) => text.slice(8));

describe('createLoader', () => {
  it('replays the queued calls in order, then runs new calls at once', async () => {
    const site = nextSite();
    const stub = installStub();
    const errors: string[] = [];
    stub('on', 'error', (detail: { command: string }) => errors.push(detail.command));
    stub('first-unknown');
    stub('identify', { id: 'customer-1' });
    stub('second-unknown');
    stub('identify', { id: 'customer-2' });

    const { vouch: loaded } = startLoader({ site, endpoint: api.url });

    expect(vouch()).toBe(loaded);
    expect(loaded.loaded).toBe(true);
    // Warnings are logged during the replay; the events reach handlers once vouch runs.
    expect(warnings()).toEqual([
      expect.stringMatching(/^first-unknown: unknown command/),
      expect.stringMatching(/^second-unknown: unknown command/),
    ]);
    await expect.poll(() => errors).toEqual(['first-unknown', 'second-unknown']);
    // The later identify won: the replay kept the order.
    await expect
      .poll(() => api.eventsOf(site), { timeout: 5000 })
      .toContainEqual(expect.objectContaining({ type: 'page', customer: 'customer-2' }));

    loaded('third-unknown');
    expect(errors).toEqual(['first-unknown', 'second-unknown', 'third-unknown']);
  });

  it('does nothing twice when the script is included twice', async () => {
    const site = nextSite();
    const stub = installStub();
    const errors: unknown[] = [];
    stub('on', 'error', (detail: unknown) => errors.push(detail));
    stub('queued-once');

    const first = startLoader({ site, endpoint: api.url });
    const second = startLoader({ site, endpoint: api.url });

    expect(second.vouch).toBe(first.vouch);
    await expect.poll(() => errors.length).toBe(1);
    await expect
      .poll(() => api.eventsOf(site).filter((event) => event.type === 'page').length, {
        timeout: 5000,
      })
      .toBe(1);
    expect(first.imports.filter((url) => url.includes('/runtime-'))).toHaveLength(1);
    expect(second.imports).toEqual([]);
    expect(warnings().filter((text) => text.startsWith('queued-once'))).toHaveLength(1);
  });

  it('warns once per distinct problem, emits `error` each time and never throws', async () => {
    const { vouch: loaded } = startLoader({ site: nextSite(), endpoint: api.url });
    const errors: Array<{ command: string; message: string }> = [];
    loaded('on', 'error', (detail: { command: string; message: string }) => errors.push(detail));

    expect(() => loaded('frobnicate', 1)).not.toThrow();
    expect(() => loaded('frobnicate', 2)).not.toThrow();
    expect(() => loaded(42 as unknown as string)).not.toThrow();
    expect(() => loaded('toString')).not.toThrow();
    expect(() => loaded('on', 'error')).not.toThrow();
    expect(() => loaded('mount', '#nowhere', 'probe')).not.toThrow();
    expect(() => loaded('mount', '[[bad selector', 'probe')).not.toThrow();
    expect(() => loaded('init', 'pk_not_an_object')).not.toThrow();

    expect(warnings()).toEqual([
      'frobnicate: unknown command; expected one of init, on, off, mount, identify, reset, consent, conversion, nps',
      expect.stringMatching(/^number: unknown command/),
      expect.stringMatching(/^toString: unknown command/),
      'mount: no such element',
      expect.stringMatching(/^mount: /),
      'init: expects { site, endpoint? }',
    ]);
    // Handlers are checked where they are kept, by the runtime, once it runs.
    await expect.poll(() => warnings()).toContain('on: expects (name, function)');
    await expect.poll(() => errors.length).toBe(8);
    expect(errors[0]).toEqual({ command: 'frobnicate', message: expect.any(String) });
  });

  it('checks forwarded arguments in the runtime, naming the command and the field', async () => {
    const { vouch: loaded } = startLoader({ site: nextSite(), endpoint: api.url });
    loaded('identify', { id: 'customer-3', email: 'not-an-email' });
    loaded('identify', { name: 'No id' });
    loaded('consent', 'yes');
    loaded('conversion', { orderId: 'o-1', amount: -1, currency: 'EUR' });
    loaded('nps', 'now');
    await expect.poll(() => warnings().length).toBe(5);
    expect(warnings()).toEqual([
      'identify: "email": must be an email address',
      'identify: "id": expected string',
      'consent: expected true or false',
      'conversion: "amount": must be an amount from 0 to 10000000',
      'nps: expects no argument',
    ]);
  });

  it('passes handlers on and off to the runtime, before and after it has started', async () => {
    const { vouch: loaded } = startLoader({ site: nextSite(), endpoint: api.url });
    const seen: string[] = [];
    const handler = (detail: { command: string }) => seen.push(detail.command);
    loaded('on', 'error', handler);
    loaded('early');
    loaded('off', 'error', handler);
    loaded('unheard');
    loaded('on', 'error', handler);
    // Delivered once the runtime runs: from then on, events reach handlers at once.
    await expect.poll(() => seen).toEqual(['early']);
    loaded('late');
    loaded('off', 'error', handler);
    loaded('never');
    expect(seen).toEqual(['early', 'late']);
  });

  it('loads the runtime when the page is idle, or at once for a command that needs it', async () => {
    const idle: Array<() => void> = [];
    Object.assign(window, {
      requestIdleCallback: (callback: () => void) => idle.push(callback),
    });
    const site = nextSite();
    const { vouch: loaded, imports } = startLoader({ site, endpoint: api.url });
    loaded('identify', { id: 'customer-4' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(imports).toEqual([]);
    expect(idle).toHaveLength(1);

    loaded('nps');
    expect(imports).toEqual([`${api.url}/v1/widgets/runtime-test.js`]);
    await expect
      .poll(() => api.eventsOf(site), { timeout: 5000 })
      .toContainEqual(expect.objectContaining({ type: 'page', customer: 'customer-4' }));
    for (const callback of idle) callback();
    expect(imports).toHaveLength(1);
  });

  it('loads the runtime at once on a referral landing, without waiting for idle', async () => {
    Object.assign(window, { requestIdleCallback: () => 0 });
    const site = nextSite();
    const before = window.location.href;
    window.history.replaceState(null, '', '/shop?utm_source=mail&REF=FRIEND42');
    try {
      const { imports } = startLoader({ site, endpoint: api.url });
      expect(imports).toEqual([`${api.url}/v1/widgets/runtime-test.js`]);
      await expect
        .poll(() => api.eventsOf(site), { timeout: 5000 })
        .toContainEqual(expect.objectContaining({ type: 'landing', ref: 'FRIEND42' }));
    } finally {
      window.history.replaceState(null, '', before);
    }
  });

  it('requests the site config beside the runtime chunk, not after it', async () => {
    const site = nextSite();
    const { vouch: loaded, imports } = startLoader({
      site,
      endpoint: api.url,
      chunks: { ...realChunks, runtime: () => new Promise(() => {}) },
    });
    loaded('nps');
    expect(imports).toEqual([`${api.url}/v1/widgets/runtime-test.js`]);
    await expect.poll(() => api.requests).toContain(`GET /v1/sites/${site}/config`);
  });

  it('waits for `init` when the script tag has no site key', async () => {
    const site = nextSite();
    const { vouch: loaded, imports } = startLoader({ endpoint: 'https://elsewhere.example' });
    loaded('identify', { id: 'customer-5' });
    expect(warnings()).toEqual([
      'identify: no site key: set data-site or call vouch("init", { site })',
    ]);
    loaded('init', { site, endpoint: `${api.url}/` });
    loaded('init', { site });
    await expect
      .poll(() => api.eventsOf(site), { timeout: 5000 })
      .toContainEqual(expect.objectContaining({ type: 'page', customer: 'customer-5' }));
    expect(imports).toEqual([`${api.url}/v1/widgets/runtime-test.js`]);
    loaded('init', { site: nextSite() });
    expect(warnings()).toContain('init: already started with another site');
  });

  it('keeps going when the runtime chunk fails, and tries again on the next need', async () => {
    // The page never becomes idle here, so only the two commands load the runtime.
    Object.assign(window, { requestIdleCallback: () => 0 });
    let fail = true;
    const site = nextSite();
    const { vouch: loaded, imports } = startLoader({
      site,
      endpoint: api.url,
      chunks: {
        ...realChunks,
        runtime: () =>
          fail ? Promise.reject(new Error('offline')) : import('../runtime/index.js'),
      },
    });
    loaded('nps');
    await expect.poll(() => warnings()).toContain('nps: offline; will retry');
    fail = false;
    loaded('nps', 'now');
    await expect.poll(() => warnings()).toContain('nps: expects no argument');
    expect(imports.filter((url) => url.includes('runtime-'))).toEqual([
      `${api.url}/v1/widgets/runtime-test.js`,
      `${api.url}/v1/widgets/runtime-test.js?retry=1`,
    ]);
  });
});
