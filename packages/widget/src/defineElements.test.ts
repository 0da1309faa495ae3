import { within } from '@testing-library/preact';
import { createMemoryPlatform, createVouch } from '@vouch/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import probe from '../test/fixtures/probe.js';
import { defineElements } from './defineElements.js';

const client = createVouch({
  site: 'pk_defineelements_0001',
  endpoint: 'https://vouch.shop.example',
  platform: createMemoryPlatform(),
});
const errors: Array<[string, string]> = [];
defineElements({
  widgets: {
    'npm-probe': probe,
    'npm-lazy': () => import('../test/fixtures/probe.js'),
    'npm-orphan': probe,
  },
  client: (element) => (element.localName === 'vouch-npm-orphan' ? undefined : client),
  theme: { 'color-accent': 'teal' },
  reserves: { 'npm-lazy': '15em' },
  onError: (error, element) => errors.push([element.localName, String(error)]),
});

afterEach(() => {
  for (const element of Array.from(document.body.children)) element.remove();
});

const shadowOf = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

describe('defineElements', () => {
  it('mounts a widget when its element connects, with attributes as options', () => {
    document.body.innerHTML =
      '<vouch-npm-probe label="From npm" product-id="sku-9"></vouch-npm-probe>';
    const element = document.querySelector('vouch-npm-probe') as Element;
    expect(shadowOf(element).getByRole('button', { name: 'From npm' })).toBeTruthy();
    expect(shadowOf(element).getByText(/"productId":"sku-9"/)).toBeTruthy();
    const theme = element.shadowRoot?.adoptedStyleSheets[1]?.cssRules[0]?.cssText;
    expect(theme).toMatch(/--vouch-color-accent:\s*teal/);

    element.remove();
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
  });

  it('imports a lazy widget on first connection', async () => {
    document.body.innerHTML = '<vouch-npm-lazy label="Lazy"></vouch-npm-lazy>';
    const element = document.querySelector('vouch-npm-lazy') as Element;
    await vi.waitFor(() => expect(shadowOf(element).getByRole('button', { name: 'Lazy' })));
  });

  it("holds a lazy widget's reserve from the moment its element connects", async () => {
    document.body.innerHTML = '<vouch-npm-lazy label="Held"></vouch-npm-lazy>';
    const element = document.querySelector('vouch-npm-lazy') as Element;
    expect(
      element.shadowRoot?.querySelector('[data-vouch-reserve]:not([data-vouch-root])'),
    ).not.toBeNull();
    await vi.waitFor(() => expect(shadowOf(element).getByRole('button', { name: 'Held' })));
    expect(
      element.shadowRoot?.querySelector('[data-vouch-reserve]:not([data-vouch-root])'),
    ).toBeNull();
  });

  it('reports an element without a client and leaves it empty', () => {
    document.body.innerHTML = '<vouch-npm-orphan></vouch-npm-orphan>';
    expect(document.querySelector('vouch-npm-orphan')?.shadowRoot).toBeNull();
    expect(errors).toEqual([['vouch-npm-orphan', 'Error: no vouch client for this element']]);
  });
});
