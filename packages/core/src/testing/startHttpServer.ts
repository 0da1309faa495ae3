import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer of a test server. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A real HTTP server on 127.0.0.1 for tests; `R` is what it records of each request. */
export interface HttpServer<R extends ReceivedRequest = ReceivedRequest> {
  /** The origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request, in arrival order. */
  requests: R[];
  /** Answers the next requests with these, in order, before going back to `handle`. */
  answerNext(...answers: Answer[]): void;
  close(): Promise<void>;
}

/**
 * Starts a server on a free port that records each request (as `record` shapes it),
 * answers it with a queued answer if there is one, else with `handle` (test support,
 * not shipped).
 */
export async function startHttpServer<R extends ReceivedRequest = ReceivedRequest>(
  handle: (request: R) => Answer | Promise<Answer>,
  record: (request: ReceivedRequest) => R = (request) => request as R,
): Promise<HttpServer<R>> {
  const requests: R[] = [];
  const queued: Answer[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', async () => {
      const request = record({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      });
      requests.push(request);
      const answer = queued.shift() ?? (await handle(request));
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerNext: (...answers) => void queued.push(...answers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
