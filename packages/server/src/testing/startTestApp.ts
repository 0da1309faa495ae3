import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { type AppOptions, createApp } from '../createApp.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import { type CreatedSite, createSite } from '../sites/createSite.js';
import { startServer } from '../startServer.js';
import { createScriptFixture, type ScriptFixture } from './scriptFixture.js';

/** A real server on 127.0.0.1 over a test database, with a site of its own. */
export interface TestApp {
  url: string;
  app: Hono<AppEnv>;
  created: CreatedSite;
  /** The site's allowed origin, unique to this app. */
  origin: string;
  scripts: ScriptFixture;
  /** What the app logged as unexpected errors. */
  logged: Array<{ message: string; error: unknown }>;
  /** `fetch` against this server. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(
  database: VouchDatabase,
  options: Partial<AppOptions> = {},
): Promise<TestApp> {
  const origin = `https://shop-${randomBytes(4).toString('hex')}.example`;
  const created = await createSite(database, { name: 'Test shop', origins: [origin] });
  const scripts = createScriptFixture();
  const logged: TestApp['logged'] = [];
  const app = createApp({
    db: database,
    scriptDir: scripts.dir,
    logger: { error: (message, error) => logged.push({ message, error }) },
    ...options,
  });
  const server = await startServer({ app, port: 0, hostname: '127.0.0.1' });
  return {
    url: server.url,
    app,
    created,
    origin,
    scripts,
    logged,
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    async close() {
      await server.close();
      scripts.remove();
    },
  };
}

/** A valid page event with a fresh id. */
export function pageEvent(origin: string, fields: Record<string, unknown> = {}) {
  return {
    id: `ev_${randomBytes(9).toString('base64url')}`,
    type: 'page',
    at: new Date().toISOString(),
    url: `${origin}/products/oat-and-honey`,
    ...fields,
  };
}

/** `POST /v1/events` as the browser client sends it: text/plain from the shop's origin. */
export function postEvents(
  test: TestApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return test.fetch('/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: test.origin, ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}
