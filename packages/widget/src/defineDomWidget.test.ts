import { createMemoryPlatform, createVouch, type VouchClient } from '@vouch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineDomWidget } from './defineDomWidget.js';
import { createLoad } from './dom/createLoad.js';
import { h, tags } from './dom/tags.js';
import { mount } from './mount.js';

const { button, input, label, p } = tags;

let client: VouchClient;
let live: { subscriptions: number; listeners: number };
beforeEach(() => {
  client = createVouch({
    site: 'pk_domwidgets_000001',
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

/**
 * A greeting that follows the client, shows nothing for a stranger, and counts clicks: the
 * paragraph is built once and updated in place, so it stays the same element.
 */
const greeting = defineDomWidget({
  name: 'greeting',
  render({ context, onUnmount, refresh }) {
    const { client } = context;
    let clicks = 0;
    const click = () => {
      clicks++;
      refresh();
    };
    const count = button({ type: 'button', onclick: click });
    const name = new Text();
    const hello = p({ id: context.id('hello') }, 'Hello ', name, count);
    onUnmount(client.subscribe(refresh));
    onUnmount(client.on('conversion', click));
    return () => {
      const identity = client.getSnapshot().identity;
      name.data = identity?.name ?? '';
      count.textContent = `${clicks} clicks`;
      return identity ? hello : null;
    };
  },
});

describe('tags', () => {
  it('sets properties, attributes and listeners, and appends children but nothing empty', () => {
    let clicked = 0;
    const field = input({ id: 'f', value: 'abc', readOnly: true, 'aria-describedby': 'n' });
    const tag = label(
      {
        for: 'f',
        class: 'vouch-x',
        'data-vouch-part': 'x',
        hidden: false,
        onclick: () => clicked++,
      },
      'Link ',
      0,
      null,
      undefined,
      false,
      [field, ['!']],
    );
    expect(tag.outerHTML).toBe(
      '<label for="f" class="vouch-x" data-vouch-part="x">Link 0<input id="f" readonly="" aria-describedby="n">!</label>',
    );
    expect(field.value).toBe('abc');
    expect(field.readOnly).toBe(true);
    tag.click();
    expect(clicked).toBe(1);
    // Without props, the first argument is a child.
    expect(p('text', h('b', 'bold')).outerHTML).toBe('<p>text<b>bold</b></p>');
  });
});

describe('defineDomWidget', () => {
  it('shows what the view gives, keeps the same nodes, and nothing at all when it gives nothing', () => {
    const element = document.body.appendChild(document.createElement('div'));
    mount(element, greeting, { client });
    const root = rootOf(element);
    expect(root.childNodes).toHaveLength(0);

    client.identify({ id: 'customer-7', name: 'Ada' });
    expect(root.textContent).toBe('Hello Ada0 clicks');
    const hello = root.firstElementChild;
    expect(hello?.id).toMatch(/^vouch-[a-z0-9]+-hello$/);
    (root.querySelector('button') as HTMLButtonElement).click();
    expect(root.textContent).toBe('Hello Ada1 clicks');
    client.identify({ id: 'customer-7', name: 'Ada L.' });
    expect(root.textContent).toBe('Hello Ada L.1 clicks');
    // The same element: a part that changes is updated in place, the rest is untouched.
    expect(root.firstElementChild).toBe(hello);

    client.reset();
    expect(root.childNodes).toHaveLength(0);
    client.identify({ id: 'customer-8', name: 'Grace' });
    expect(root.textContent).toBe('Hello Grace1 clicks');
    expect(root.firstElementChild).toBe(hello);
  });

  it('lets go of every subscription and listener on unmount, and runs late cleanups at once', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const unmount = mount(element, greeting, { client });
    expect(live).toEqual({ subscriptions: 1, listeners: 1 });
    client.identify({ id: 'customer-7', name: 'Ada' });
    expect(rootOf(element).textContent).toContain('Ada');

    unmount();
    expect(live).toEqual({ subscriptions: 0, listeners: 0 });
    expect(element.shadowRoot?.querySelector('[data-vouch-root]')).toBeNull();
    client.identify({ id: 'customer-8', name: 'Grace' }); // nothing left to hear it

    let late = false;
    const widget = defineDomWidget({
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
    const widget = defineDomWidget({
      name: 'broken',
      render({ context, onUnmount }) {
        onUnmount(context.client.subscribe(() => {}));
        throw new Error('broken widget');
      },
    });
    const element = document.body.appendChild(document.createElement('div'));
    expect(() => mount(element, widget, { client })).toThrow('broken widget');
    expect(live.subscriptions).toBe(0);
  });
});

describe('createLoad', () => {
  it('loads for each new key, drops an answer that comes after a newer load, and retries', async () => {
    const answers = new Map<string, (value: string) => void>();
    const cleanups: (() => void)[] = [];
    let changes = 0;
    const load = createLoad(
      (key) => new Promise<string>((resolve) => answers.set(key, resolve)),
      () => changes++,
      (cleanup) => cleanups.push(cleanup),
    );
    expect(load.state()).toEqual({ status: 'loading' });
    expect(answers.size).toBe(0);
    load.key('a');
    load.key('a'); // the same key: no second request
    load.key('b');
    expect([...answers.keys()]).toEqual(['a', 'b']);
    answers.get('a')?.('old');
    answers.get('b')?.('new');
    await vi.waitFor(() => expect(load.state()).toEqual({ status: 'done', value: 'new' }));
    expect(changes).toBe(1);
    answers.get('a')?.('old');
    await Promise.resolve();
    expect(load.state()).toEqual({ status: 'done', value: 'new' });

    answers.delete('b');
    load.retry();
    expect(load.state()).toEqual({ status: 'loading' });
    expect(changes).toBe(2);
    expect(answers.has('b')).toBe(true);
    for (const cleanup of cleanups) cleanup();
    answers.get('b')?.('after unmount');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(load.state()).toEqual({ status: 'loading' });
    expect(changes).toBe(2);
  });
});
