import { within } from '@testing-library/dom';
import { createVouch, type VouchClient } from '@vouch/core';
import { createBrowserPlatform } from '@vouch/core/browser';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { mount } from '../../src/mount.js';
import type { WidgetModule, WidgetOptions } from '../../src/WidgetModule.js';
import { type ApiServer, startApiServer } from './startApiServer.js';

/**
 * The page of a widget test file: a stand-in API server on a real port for the file, and
 * after each test a clean page (clients destroyed, elements removed, storage cleared, URL
 * reset, spies restored). `client` makes a client of the page's browser platform; `show`
 * mounts a widget as the script tag does and returns queries inside its shadow root.
 */
export function useWidgetPage() {
  let server: ApiServer | undefined;
  const clients: VouchClient[] = [];
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server?.close());
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    for (const element of Array.from(document.body.children)) element.remove();
    localStorage.clear();
    history.replaceState(null, '', '/');
    vi.restoreAllMocks();
  });
  const page = {
    get api(): ApiServer {
      if (!server) throw new Error('the stand-in API has not started yet');
      return server;
    },
    client(site: string, consentRequired = false): VouchClient {
      const client = createVouch({
        site,
        endpoint: page.api.url,
        platform: createBrowserPlatform(),
        consentRequired,
      });
      clients.push(client);
      return client;
    },
    show<O extends WidgetOptions>(widget: WidgetModule<O>, client: VouchClient, options?: O) {
      const element = document.body.appendChild(document.createElement('div'));
      mount(element, widget, { client, options: options ?? ({} as O) });
      const root = element.shadowRoot as unknown as HTMLElement;
      return { element, root, view: within(root) };
    },
  };
  return page;
}
