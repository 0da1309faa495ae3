import type { Page } from 'playwright-core';

/** One request as Chromium's network layer saw it, also when CORS hid it from the page. */
export interface NetworkExchange {
  url: string;
  method: string;
  /** The answer's status, or undefined when none came. */
  status?: number;
  /** The answer's headers, names in lower case. */
  headers: Record<string, string>;
  /** Why the page may not read the answer (`MissingAllowOriginHeader`, ...), if so. */
  corsError?: string;
}

/**
 * Records requests through the Chrome DevTools Protocol. Playwright's own `response`
 * event never fires for an answer CORS blocked, but a test of CORS refusals needs to see
 * that answer's status and headers.
 */
export async function watchNetwork(page: Page): Promise<NetworkExchange[]> {
  const session = await page.context().newCDPSession(page);
  const byId = new Map<string, NetworkExchange>();
  const exchanges: NetworkExchange[] = [];
  // Chromium may send a request's "extra info" before the request itself (the two come
  // from different processes): kept here until the request arrives.
  const early = new Map<string, { statusCode: number; headers: Record<string, unknown> }>();
  const answer = (
    exchange: NetworkExchange,
    info: { statusCode: number; headers: Record<string, unknown> },
  ) => {
    exchange.status = info.statusCode;
    exchange.headers = Object.fromEntries(
      Object.entries(info.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
  };
  session.on('Network.requestWillBeSent', (event) => {
    const exchange: NetworkExchange = {
      url: event.request.url,
      method: event.request.method,
      headers: {},
    };
    byId.set(event.requestId, exchange);
    exchanges.push(exchange);
    const info = early.get(event.requestId);
    if (info) answer(exchange, info);
    early.delete(event.requestId);
  });
  // Only the "extra info" event carries the answer of a request CORS blocked.
  session.on('Network.responseReceivedExtraInfo', (event) => {
    const exchange = byId.get(event.requestId);
    if (exchange) answer(exchange, event);
    else early.set(event.requestId, event);
  });
  session.on('Network.loadingFailed', (event) => {
    const exchange = byId.get(event.requestId);
    if (exchange && event.corsErrorStatus) exchange.corsError = event.corsErrorStatus.corsError;
  });
  await session.send('Network.enable');
  return exchanges;
}
