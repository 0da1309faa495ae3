import { createVouch, type VouchClient } from '@vouch/core';
import { createBrowserPlatform } from '@vouch/core/browser';

/**
 * The client finder of `@vouch/widget/elements`: an element's site is the nearest
 * `data-vouch-site` on it or an ancestor (`<body data-vouch-site="pk_…">`), its server
 * the nearest `data-vouch-endpoint` (default: the page's origin). Elements of one site
 * and server share one client, created on first use.
 */
export function createAttributeClients(): (element: Element) => VouchClient | undefined {
  const clients = new Map<string, VouchClient>();
  return (element) => {
    const site = element.closest('[data-vouch-site]')?.getAttribute('data-vouch-site');
    if (!site) return undefined;
    const endpoint =
      element.closest('[data-vouch-endpoint]')?.getAttribute('data-vouch-endpoint') ??
      element.ownerDocument.location.origin;
    const key = `${site} ${endpoint}`;
    let client = clients.get(key);
    if (!client) {
      client = createVouch({ site, endpoint, platform: createBrowserPlatform() });
      clients.set(key, client);
    }
    return client;
  };
}
