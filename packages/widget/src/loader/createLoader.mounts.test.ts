import { fireEvent, within } from '@testing-library/preact';
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
import { realChunks, resetWindow, startLoader } from '../../test/support/loaderHarness.js';
import { siteConfig, startApiServer } from '../../test/support/startApiServer.js';
import type { VouchFunction } from './createLoader.js';

// One loader for the whole file, as on a real page: custom elements and the document's
// mutation observer belong to the first loader installed in a window.
const site = 'pk_mounttest_000000000001';
let api: Awaited<ReturnType<typeof startApiServer>>;
let loaded: VouchFunction;
let imports: string[];
let flakyFails = 0;

/** The shadow root of `host` once a widget has rendered into it, queried like a person would. */
async function widgetIn(host: Element) {
  await vi.waitFor(() => expect(host.shadowRoot?.querySelector('[data-vouch-root]')).toBeTruthy());
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** Whether `host` carries nothing of a widget any more (its reusable shadow root is empty). */
const isEmpty = (host: Element) =>
  !host.shadowRoot ||
  (host.shadowRoot.childNodes.length === 0 && host.shadowRoot.adoptedStyleSheets.length === 0);

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

let warn: MockInstance<Console['warn']>;
beforeAll(async () => {
  api = await startApiServer();
  api.config = (key) => ({
    status: 200,
    body: siteConfig(key, { theme: { 'color-accent': 'rebeccapurple' } }),
  });
  resetWindow();
  document.body.innerHTML = '<div id="early" data-vouch="probe" data-product-id="sku-1"></div>';
  ({ vouch: loaded, imports } = startLoader({
    site,
    endpoint: api.url,
    chunks: {
      ...realChunks,
      flaky: () =>
        flakyFails-- > 0
          ? Promise.reject(new Error('503'))
          : import('../../test/fixtures/probe.js'),
    },
  }));
});
afterAll(() => api.close());
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  for (const element of Array.from(document.body.children)) element.remove();
});

describe('createLoader mounts', () => {
  it('mounts data-vouch elements already on the page, with their data-* as options', async () => {
    const host = document.getElementById('early') as HTMLElement;
    const widget = await widgetIn(host);
    expect(widget.getByRole('button', { name: 'Probe' })).toBeTruthy();
    expect(widget.getByText('Probe options: {"productId":"sku-1"}')).toBeTruthy();
  });

  it('renders in an open shadow root styled by adopted sheets, with the site theme', async () => {
    const host =
      document.getElementById('early') ??
      document.body.appendChild(Object.assign(document.createElement('div'), { id: 'early' }));
    host.setAttribute('data-vouch', 'probe');
    await widgetIn(host);
    const root = host.shadowRoot as ShadowRoot;
    const css = root.adoptedStyleSheets.map((sheet) =>
      Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n'),
    );
    expect(css).toHaveLength(3);
    expect(css[0]).toContain('--vouch-color-accent');
    expect(css[1]).toMatch(/--vouch-color-accent:\s*rebeccapurple/);
    expect(css[2]).toContain('display: inline-block');
  });

  it('mounts data-vouch elements added later and unmounts removed ones', async () => {
    const host = document.createElement('section');
    host.dataset.vouch = 'probe';
    host.dataset.label = 'Later';
    document.body.append(host);
    const widget = await widgetIn(host);
    expect(widget.getByRole('button', { name: 'Later' })).toBeTruthy();

    host.remove();
    await vi.waitFor(() => expect(isEmpty(host)).toBe(true));
  });

  it('keeps a widget whose element only moved', async () => {
    const host = document.createElement('div');
    host.dataset.vouch = 'probe';
    const first = document.createElement('div');
    const second = document.createElement('div');
    document.body.append(first, second);
    first.append(host);
    await widgetIn(host);
    second.append(host);
    await settle();
    expect(within(host.shadowRoot as unknown as HTMLElement).getByRole('button')).toBeTruthy();
  });

  it('mounts <vouch-NAME> custom elements with their attributes as options', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<vouch-probe product-id="sku-2" label="Try it"></vouch-probe>',
    );
    const host = document.querySelector('vouch-probe') as HTMLElement;
    const widget = await widgetIn(host);
    expect(widget.getByRole('button', { name: 'Try it' })).toBeTruthy();
    expect(widget.getByText(/"productId":"sku-2"/)).toBeTruthy();

    host.remove();
    await vi.waitFor(() => expect(isEmpty(host)).toBe(true));
  });

  it('registers one custom element per widget of the build, and none for the runtime', () => {
    for (const name of ['probe', 'flaky']) {
      expect(customElements.get(`vouch-${name}`), name).toBeTruthy();
    }
    expect(customElements.get('vouch-runtime')).toBeUndefined();
  });

  it('mounts through the mount command and returns an unmount that leaves nothing', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const unmount = loaded('mount', host, 'probe', { label: 'By command' }) as () => void;
    const widget = await widgetIn(host);
    expect(widget.getByRole('button', { name: 'By command' })).toBeTruthy();

    unmount();
    expect(isEmpty(host)).toBe(true);
    expect(() => unmount()).not.toThrow();
    expect(isEmpty(host)).toBe(true);
  });

  it('cancels a mount that is still loading', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const unmount = loaded('mount', host, 'probe') as () => void;
    unmount();
    await settle();
    expect(isEmpty(host)).toBe(true);
  });

  it('passes widget events to host handlers and as DOM events', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const heard: unknown[] = [];
    const dom: unknown[] = [];
    loaded('on', 'probe:click', (detail: unknown) => heard.push(detail));
    document.body.addEventListener('vouch:probe:click', (event) =>
      dom.push((event as CustomEvent).detail),
    );
    loaded('mount', host, 'probe', { label: 'Press' });
    fireEvent.click((await widgetIn(host)).getByRole('button', { name: 'Press' }));
    expect(heard).toEqual([{ options: { label: 'Press' } }]);
    expect(dom).toEqual([{ options: { label: 'Press' } }]);
  });

  it('reports a widget chunk that failed to load and loads it again on the next mount', async () => {
    flakyFails = 1;
    const errors: string[] = [];
    loaded('on', 'error', (detail: { message: string }) => errors.push(detail.message));
    const host = document.createElement('div');
    host.dataset.vouch = 'flaky';
    document.body.append(host);
    await vi.waitFor(() => expect(errors).toContain('"flaky" did not load (503); will retry'));
    expect(warn).toHaveBeenCalledWith('[vouch] mount: "flaky" did not load (503); will retry');
    expect(isEmpty(host)).toBe(true);

    const again = document.createElement('div');
    again.dataset.vouch = 'flaky';
    document.body.append(again);
    expect(await (await widgetIn(again)).findByRole('button')).toBeTruthy();
    expect(imports.filter((url) => url.includes('/flaky-'))).toEqual([
      `${api.url}/v1/widgets/flaky-test.js`,
      `${api.url}/v1/widgets/flaky-test.js?retry=1`,
    ]);
  });

  it('warns about an unknown widget, naming those it has, without throwing', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div data-vouch="nope"></div>');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        '[vouch] mount: unknown widget "nope"; expected one of probe, flaky',
      ),
    );
  });
});
