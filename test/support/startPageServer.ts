import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Pages by path, each with its body and optional extra headers. */
export type PageRegistry = Map<string, { html: string; headers?: Record<string, string> }>;

/** A local origin that serves pages the tests write. */
export interface PageServer {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  /** Serves `html` at `path` (and replaces what was there). */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

/** Answers a request from the registry: the page, or a plain 404. */
export function answerPage(pages: PageRegistry, pathname: string): Response {
  const found = pages.get(pathname);
  if (!found)
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(found.html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...found.headers,
    },
  });
}

/**
 * A second origin for pages (a shop on another host than the vouch server): real HTTP on
 * `hostname` (`127.0.0.1` or `localhost`, which are different origins to a browser).
 */
export async function startPageServer({
  hostname = '127.0.0.1',
  port = 0,
} = {}): Promise<PageServer> {
  const pages: PageRegistry = new Map();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const answer = answerPage(pages, new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) =>
    server.listen(port, hostname === 'localhost' ? '127.0.0.1' : hostname, resolve),
  );
  const url = `http://${hostname}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(path, html, headers) {
      pages.set(path, headers ? { html, headers } : { html });
      return `${url}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
