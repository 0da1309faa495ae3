import { fireEvent, within } from '@testing-library/preact';
import { createMemoryPlatform, createVouch, type VouchClient } from '@vouch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import probe from '../test/fixtures/probe.js';
import { mount } from './mount.js';
import { baseStyles } from './styles/baseStyles.js';
import { themeDefaults } from './styles/themeDefaults.js';
import type { WidgetModule } from './WidgetModule.js';

let client: VouchClient;
beforeEach(() => {
  client = createVouch({
    site: 'pk_mountmachinery_0001',
    endpoint: 'https://vouch.shop.example',
    platform: createMemoryPlatform(),
  });
});
afterEach(() => {
  client.destroy();
  for (const element of Array.from(document.body.children)) element.remove();
});

function host(tag = 'div'): HTMLElement {
  return document.body.appendChild(document.createElement(tag));
}
const inShadow = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);
const sheetText = (sheet: CSSStyleSheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n');

describe('mount', () => {
  it('renders into an open shadow root with the base, theme and widget sheets adopted', () => {
    const element = host();
    mount(element, probe, { client, options: { label: 'Hello' }, theme: { radius: '2px' } });

    expect(element.shadowRoot?.mode).toBe('open');
    expect(inShadow(element).getByRole('button', { name: 'Hello' })).toBeTruthy();
    const sheets = element.shadowRoot?.adoptedStyleSheets ?? [];
    expect(sheets.map(sheetText)).toEqual([
      expect.stringContaining('--vouch-color-accent'),
      expect.stringMatching(/--vouch-radius:\s*2px/),
      expect.stringContaining('display: inline-block'),
    ]);
    expect(
      element.shadowRoot?.querySelector('[data-vouch-root]')?.getAttribute('data-vouch-widget'),
    ).toBe('probe');
    expect(element.shadowRoot?.querySelectorAll('style')).toHaveLength(0);
  });

  it('returns an unmount that leaves nothing behind and is safe to call twice', () => {
    const element = host();
    element.attachShadow({ mode: 'open' }).innerHTML = '<p>the page put this here</p>';
    const unmount = mount(element, probe, { client });
    expect(inShadow(element).getByRole('button')).toBeTruthy();

    unmount();
    expect(element.shadowRoot?.innerHTML).toBe('<p>the page put this here</p>');
    expect(element.shadowRoot?.adoptedStyleSheets).toEqual([]);
    expect(() => unmount()).not.toThrow();

    // The shadow root is reused by the next mount.
    mount(element, probe, { client, options: { label: 'Again' } });
    expect(inShadow(element).getByRole('button', { name: 'Again' })).toBeTruthy();
  });

  it('falls back to <style nonce> where constructable stylesheets are missing', () => {
    // An older browser: no constructable stylesheets (the own property shadows the method).
    Object.defineProperty(CSSStyleSheet.prototype, 'replaceSync', {
      value: undefined,
      configurable: true,
    });
    try {
      const element = host();
      const unmount = mount(element, probe, { client, nonce: 'r4nd0m' });
      const styles = Array.from(element.shadowRoot?.querySelectorAll('style') ?? []);
      expect(styles).toHaveLength(2);
      expect(styles.map((style) => style.getAttribute('nonce'))).toEqual(['r4nd0m', 'r4nd0m']);
      expect(styles[0]?.textContent).toContain(':host{all:initial;');
      expect(element.shadowRoot?.adoptedStyleSheets).toEqual([]);
      unmount();
      expect(element.shadowRoot?.childNodes).toHaveLength(0);
    } finally {
      Reflect.deleteProperty(CSSStyleSheet.prototype, 'replaceSync');
    }
    expect(typeof new CSSStyleSheet().replaceSync).toBe('function');
  });

  it('gives each instance its own ids', () => {
    const first = host();
    const second = host();
    mount(first, probe, { client });
    mount(second, probe, { client });
    const describedBy = (element: Element) =>
      inShadow(element).getByRole('button').getAttribute('aria-describedby');
    expect(describedBy(first)).toMatch(/^vouch-[a-z0-9]+-text$/);
    expect(describedBy(first)).not.toBe(describedBy(second));
    expect(inShadow(first).getByRole('button', { description: /Probe options/ })).toBeTruthy();
  });

  it('passes the client to the widget and its events to the client and the page', () => {
    const element = host('vouch-test-host');
    const heard: unknown[] = [];
    const dom: unknown[] = [];
    (client as unknown as { on(name: string, handler: (detail: unknown) => void): void }).on(
      'probe:click',
      (detail) => heard.push(detail),
    );
    document.addEventListener('vouch:probe:click', (event) =>
      dom.push((event as CustomEvent).detail),
    );
    mount(element, probe, { client, options: { label: 'Go' } });
    fireEvent.click(inShadow(element).getByRole('button', { name: 'Go' }));
    expect(heard).toEqual([{ options: { label: 'Go' } }]);
    expect(dom).toEqual([{ options: { label: 'Go' } }]);
  });

  it('mounts a lazy widget when it arrives, and not at all once unmounted', async () => {
    const element = host();
    mount(element, Promise.resolve({ default: probe }), { client, options: { label: 'Lazy' } });
    expect(element.shadowRoot).toBeNull();
    await vi.waitFor(() => expect(element.shadowRoot).not.toBeNull());
    expect(inShadow(element).getByRole('button', { name: 'Lazy' })).toBeTruthy();

    const cancelled = host();
    let arrive: (module: { default: WidgetModule }) => void = () => {};
    const unmount = mount(
      cancelled,
      new Promise<{ default: WidgetModule }>((resolve) => {
        arrive = resolve;
      }),
      { client },
    );
    unmount();
    arrive({ default: probe });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled.shadowRoot).toBeNull();
  });

  it("holds a lazy widget's space from the mount until it has rendered", async () => {
    const reserve = 'max(10em, calc(30em - 50%))';
    const element = host();
    let arrive: (module: { default: WidgetModule }) => void = () => {};
    mount(
      element,
      new Promise<{ default: WidgetModule }>((resolve) => {
        arrive = resolve;
      }),
      { client, options: { label: 'Held' }, theme: { radius: '2px' }, reserve },
    );
    // At once: the base, theme and reserve sheets, and an empty placeholder to hold.
    const shadow = element.shadowRoot as ShadowRoot;
    expect(
      shadow.querySelector('[data-vouch-reserve]:not([data-vouch-root])')?.childNodes,
    ).toHaveLength(0);
    expect(shadow.adoptedStyleSheets.map(sheetText)).toEqual([
      expect.stringContaining('--vouch-color-accent'),
      expect.stringMatching(/--vouch-radius:\s*2px/),
      expect.stringContaining('[data-vouch-reserve]::before'), // the strut
    ]);
    // (happy-dom's CSS parser drops `max()`: the strut's size is checked in Chromium.)

    arrive({ default: probe });
    await vi.waitFor(() => expect(inShadow(element).getByRole('button', { name: 'Held' })));
    // The widget holds it now (its own reserve sheet); the placeholder and its sheets went.
    expect(shadow.querySelector('[data-vouch-reserve]:not([data-vouch-root])')).toBeNull();
    expect(shadow.adoptedStyleSheets.map(sheetText)).toEqual([
      expect.stringContaining('--vouch-color-accent'),
      expect.stringMatching(/--vouch-radius:\s*2px/),
      expect.stringContaining('[data-vouch-reserve]::before'),
      expect.stringContaining('display: inline-block'),
    ]);
    expect(shadow.querySelector('[data-vouch-root]')?.hasAttribute('data-vouch-reserve')).toBe(
      true,
    );
  });

  it("keeps a widget's own reserve, and gives the space back when unmounted early", async () => {
    const element = host();
    mount(element, { ...probe, reserve: '12em' }, { client });
    const sheets = element.shadowRoot?.adoptedStyleSheets.map(sheetText) ?? [];
    expect(sheets.filter((css) => css.includes('padding-top: 12em'))).toHaveLength(1);

    const cancelled = host();
    const unmount = mount(cancelled, new Promise<{ default: WidgetModule }>(() => {}), {
      client,
      reserve: '12em',
    });
    expect(
      cancelled.shadowRoot?.querySelector('[data-vouch-reserve]:not([data-vouch-root])'),
    ).not.toBeNull();
    unmount();
    expect(cancelled.shadowRoot?.childNodes).toHaveLength(0);
    expect(cancelled.shadowRoot?.adoptedStyleSheets).toEqual([]);

    // A widget that fails to load leaves nothing held either.
    const failed = host();
    const errors: unknown[] = [];
    mount(failed, Promise.reject(new Error('404')), {
      client,
      reserve: '12em',
      onError: (error) => errors.push(error),
    });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(failed.shadowRoot?.childNodes).toHaveLength(0);
  });

  it('undoes a widget that throws while mounting and reports it', async () => {
    const broken: WidgetModule = {
      name: 'broken',
      styles: 'p{color:red}',
      mount() {
        throw new Error('boom');
      },
    };
    const element = host();
    const errors: unknown[] = [];
    mount(element, broken, { client, onError: (error) => errors.push(error) });
    expect(errors).toEqual([new Error('boom')]);
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    expect(element.shadowRoot?.adoptedStyleSheets).toEqual([]);
    expect(() => mount(host(), broken, { client })).toThrow('boom');

    const failed = vi.fn();
    mount(host(), Promise.reject(new Error('404')), { client, onError: failed });
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith(new Error('404')));
  });

  it('supports the lower-level widget shape', () => {
    const plain: WidgetModule<{ text?: string }> = {
      name: 'plain',
      mount(root, context, options) {
        const output = document.createElement('output');
        output.id = context.id('out');
        output.textContent = options.text ?? '';
        root.append(output);
        return () => output.remove();
      },
    };
    const element = host();
    const unmount = mount(element, plain, { client, options: { text: 'plain DOM' } });
    expect(inShadow(element).getByText('plain DOM').id).toMatch(/^vouch-[a-z0-9]+-out$/);
    unmount();
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
  });
});

describe('baseStyles', () => {
  it('sets a default for every theme token on :host, in px or em, never rem', () => {
    const css = baseStyles();
    for (const [token, value] of Object.entries(themeDefaults)) {
      expect(css).toContain(`--vouch-${token}:${value};`);
    }
    expect(css).toMatch(/^:host\{all:initial;display:block;/);
    expect(css).not.toMatch(/\drem\b/);
    expect(themeDefaults['z-index']).toMatch(/^\d+$/);
  });
});
