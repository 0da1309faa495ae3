import type { EventBatch } from '../schemas/events.js';
import {
  type Answer,
  type ReceivedRequest as HttpRequest,
  type HttpServer,
  startHttpServer,
} from './startHttpServer.js';

export type { Answer } from './startHttpServer.js';

/** A request the test server received, with its parsed batch. */
export interface ReceivedRequest extends HttpRequest {
  batch: EventBatch | null;
}

/** A real HTTP server on 127.0.0.1 that acknowledges event batches idempotently. */
export interface EventServer extends HttpServer<ReceivedRequest> {
  /** Ids stored once each, in arrival order. */
  stored: string[];
}

/** What the server acknowledges a batch with: how many events came, how many were new. */
export function acknowledge(stored: string[], batch: EventBatch | null): Answer {
  const events = batch?.events ?? [];
  let fresh = 0;
  for (const event of events) {
    if (stored.includes(event.id)) continue;
    stored.push(event.id);
    fresh++;
  }
  return { status: 200, body: { received: events.length, stored: fresh } };
}

/** Parses a request body as an event batch, or null. */
export function parseBatch(body: string): EventBatch | null {
  try {
    return JSON.parse(body) as EventBatch;
  } catch {
    return null;
  }
}

/** Starts an {@link EventServer} on a free port (test support, not shipped). */
export async function startEventServer(): Promise<EventServer> {
  const stored: string[] = [];
  const server = await startHttpServer<ReceivedRequest>(
    (request) => acknowledge(stored, request.batch),
    (request) => ({ ...request, batch: parseBatch(request.body) }),
  );
  return { ...server, stored };
}
