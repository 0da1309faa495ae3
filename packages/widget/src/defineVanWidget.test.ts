import { createMemoryPlatform, createVouch, type VouchClient } from '@vouch/core';
import van from 'vanjs-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineVanWidget } from './defineVanWidget.js';
import { mount } from './mount.js';
import { clientState } from './van/clientState.js';
import { loadState } from './van/loadState.js';

const { button, p } = van.tags;

let client: VouchClient;
let live: { subscriptions: number; listeners: number };
beforeEach(() => {
  client = createVouch({
    site: 'pk_vanadapter_000001',
    endpoint: 'https://vouch.shop.example',
    platform: createMemoryPlatform(),
  });
  // Counts what is attached to this client, to see a widget let go of all of it.
  const counter = { subscriptions: 0, listeners: 0 };
  live = counter;
  const { subscribe, on } = client;
  client.subscribe = (listener) => {
    counter.subscriptions++;
    const unsubscribe = subscribe(listener);
    return () => {
      counter.subscriptions--;
      unsubscribe();
    };
  };
  client.on = ((name: never, handler: never) => {
    counter.listeners++;
    const off = on(name, handler);
    return () => {
      counter.listeners--;
      off();
    };
  }) as VouchClient['on'];
});
afterEach(() => {
  client.destroy();
  document.body.replaceChildren();
});

const rootOf = (element: Element) =>
  element.shadowRoot?.querySelector('[data-vouch-root]') as HTMLElement;

/** A greeting that follows the client, shows nothing for a stranger, and counts clicks. */
const greeting = defineVanWidget({
  name: 'greeting',
  render({ context, onUnmount }) {
    const state = clientState(context.client, onUnmount);
    const clicks = van.state(0);
    onUnmount(context.client.on('conversion', () => clicks.val++));
    const known = van.derive(() => !!state.val.identity);
    // Built anew each time it appears: a node off the page loses its bindings.
    const hello = () =>
      p(
        { id: context.id('hello') },
        () => `Hello ${state.val.identity?.name ?? ''}`,
        button({ type: 'button', onclick: () => clicks.val++ }, () => `${clicks.val} clicks`),
      );
    return () => (known.val ? hello() : null);
  },
});

describe('defineVanWidget', () => {
  it('renders a view of van states, and nothing at all when it gives nothing', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    mount(element, greeting, { client });
    const root = rootOf(element);
    expect(root.childNodes).toHaveLength(0);

    client.identify({ id: 'customer-7', name: 'Ada' });
    await vi.waitFor(() => expect(root.textContent).toBe('Hello Ada0 clicks'));
    const hello = root.firstElementChild;
    expect(hello?.id).toMatch(/^vouch-[a-z0-9]+-hello$/);
    (root.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.textContent).toBe('Hello Ada1 clicks'));
    client.identify({ id: 'customer-7', name: 'Ada L.' });
    await vi.waitFor(() => expect(root.textContent).toBe('Hello Ada L.1 clicks'));
    // The same element: a part that changes is updated in place, the rest is untouched.
    expect(root.firstElementChild).toBe(hello);

    client.reset();
    await vi.waitFor(() => expect(root.childNodes).toHaveLength(0));
    client.identify({ id: 'customer-8', name: 'Grace' });
    await vi.waitFor(() => expect(root.textContent).toBe('Hello Grace1 clicks'));
  });

  it('lets go of every subscription and listener on unmount, and runs late cleanups at once', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const unmount = mount(element, greeting, { client });
    expect(live).toEqual({ subscriptions: 1, listeners: 1 });
    client.identify({ id: 'customer-7', name: 'Ada' });
    await vi.waitFor(() => expect(rootOf(element).textContent).toContain('Ada'));

    unmount();
    expect(live).toEqual({ subscriptions: 0, listeners: 0 });
    expect(element.shadowRoot?.querySelector('[data-vouch-root]')).toBeNull();
    client.identify({ id: 'customer-8', name: 'Grace' }); // nothing left to hear it

    let late = false;
    const widget = defineVanWidget({
      name: 'late',
      render({ onUnmount }) {
        setTimeout(() => onUnmount(() => (late = true)));
        return p('late');
      },
    });
    mount(document.body.appendChild(document.createElement('div')), widget, { client })();
    await vi.waitFor(() => expect(late).toBe(true));
  });

  it('undoes what it registered when building throws', () => {
    const widget = defineVanWidget({
      name: 'broken',
      render({ context, onUnmount }) {
        clientState(context.client, onUnmount);
        throw new Error('broken widget');
      },
    });
    const element = document.body.appendChild(document.createElement('div'));
    expect(() => mount(element, widget, { client })).toThrow('broken widget');
    expect(live.subscriptions).toBe(0);
  });
});

describe('loadState', () => {
  it('loads for each key, drops an answer that comes after the key changed, and retries', async () => {
    const key = van.state('a');
    const answers = new Map<string, (value: string) => void>();
    const cleanups: (() => void)[] = [];
    const { state, retry } = loadState(
      (current) => new Promise<string>((resolve) => answers.set(current, resolve)),
      () => key.val,
      (cleanup) => cleanups.push(cleanup),
    );
    expect(state.val).toEqual({ status: 'loading' });
    key.val = 'b';
    await vi.waitFor(() => expect(answers.has('b')).toBe(true));
    answers.get('a')?.('old');
    answers.get('b')?.('new');
    await vi.waitFor(() => expect(state.val).toEqual({ status: 'done', value: 'new' }));
    answers.get('a')?.('old');
    await Promise.resolve();
    expect(state.val).toEqual({ status: 'done', value: 'new' });

    answers.delete('b');
    retry();
    await vi.waitFor(() => expect(state.val).toEqual({ status: 'loading' }));
    for (const cleanup of cleanups) cleanup();
    answers.get('b')?.('after unmount');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.val).toEqual({ status: 'loading' });
  });
});
