import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBatch } from '../schemas/events.js';

/** A request the test server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  batch: EventBatch | null;
}

/** What the test server answers; `undefined` acknowledges like the real server. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A real HTTP server on 127.0.0.1 that acknowledges event batches idempotently. */
export interface EventServer {
  /** The origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: ReceivedRequest[];
  /** Ids stored once each, in arrival order. */
  stored: string[];
  /** Answers the next requests with these, in order, before going back to acknowledging. */
  answerNext(...answers: Answer[]): void;
  close(): Promise<void>;
}

/** Starts an {@link EventServer} on a free port (test support, not shipped). */
export async function startEventServer(): Promise<EventServer> {
  const requests: ReceivedRequest[] = [];
  const stored: string[] = [];
  const queued: Answer[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      let batch: EventBatch | null = null;
      try {
        batch = JSON.parse(body) as EventBatch;
      } catch {
        batch = null;
      }
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        batch,
      });
      const answer = queued.shift();
      if (answer) {
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        return;
      }
      const events = batch?.events ?? [];
      let fresh = 0;
      for (const event of events) {
        if (stored.includes(event.id)) continue;
        stored.push(event.id);
        fresh++;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ received: events.length, stored: fresh }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stored,
    answerNext: (...answers) => void queued.push(...answers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
