import type { Page } from 'playwright-core';

/** What a page did that a test may want to assert on. */
export interface PageWatch {
  /** `console.error` messages, and failed loads Chromium reports on the console. */
  consoleErrors: string[];
  /** `console.warn` messages. */
  consoleWarnings: string[];
  /** Uncaught exceptions and unhandled rejections of the page. */
  pageErrors: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Every response: URL, status and headers (lower-case names). */
  responses: Array<{ url: string; status: number; headers: Record<string, string> }>;
}

/** Starts recording a page's console, errors, requests and responses. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    requests: [],
    responses: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
    if (message.type() === 'warning') watch.consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(String(error)));
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('response', (response) =>
    watch.responses.push({
      url: response.url(),
      status: response.status(),
      headers: response.headers(),
    }),
  );
  return watch;
}
