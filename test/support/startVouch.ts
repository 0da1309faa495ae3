import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShopApp } from '../../examples/shop/lib/createShopApp.js';
import {
  type CreatedSite,
  createApp,
  createSite,
  migrate,
  openDatabase,
  startServer,
  type VouchDatabase,
} from '../../packages/server/src/index.js';
import { answerPage, type PageRegistry } from './startPageServer.js';

/** The widget's test build: the production loader and runtime plus the `probe` widget. */
export const WIDGET_TEST_BUILD = fileURLToPath(
  new URL('../../packages/widget/dist/script-test/', import.meta.url),
);

/** An event as stored, with its type-specific fields parsed. */
export interface StoredEvent {
  id: string;
  type: string;
  at: string;
  visitor: string | null;
  customer: string | null;
  data: Record<string, unknown>;
}

/** A real vouch server on 127.0.0.1 with a fresh SQLite file and one site for its own origin. */
export interface TestVouch {
  /** `http://127.0.0.1:PORT`: the server's URL and the site's one allowed origin. */
  url: string;
  database: VouchDatabase;
  site: CreatedSite;
  /** Serves a page on the server's own origin; returns its URL. Not with `shop`. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  /** The site's stored events, oldest first, read through the server's query layer. */
  events(type?: string): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

export interface StartVouchOptions {
  /** Where the loader and chunks come from. @default WIDGET_TEST_BUILD */
  scriptDir?: string;
  /** Serve the example shop's files beside the API instead of test pages. @default false */
  shop?: boolean;
  /** The site's public key. @default random */
  publicKey?: string;
}

/** Starts the server, creates the site once the port (and so the origin) is known. */
export async function startVouch(options: StartVouchOptions = {}): Promise<TestVouch> {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-e2e-'));
  const database = openDatabase({ file: join(dir, 'vouch.db') });
  await migrate(database);
  const pages: PageRegistry = new Map();
  const vouchApp = createApp({ db: database, scriptDir: options.scriptDir ?? WIDGET_TEST_BUILD });
  const app = options.shop
    ? createShopApp({ vouchApp })
    : createShopApp({
        vouchApp,
        pages: (request) => answerPage(pages, new URL(request.url).pathname),
      });
  const server = await startServer({ app, port: 0, hostname: '127.0.0.1' });
  const url = `http://127.0.0.1:${server.port}`;
  const site = await createSite(database, {
    name: 'End-to-end shop',
    origins: [url],
    ...(options.publicKey ? { publicKey: options.publicKey } : {}),
  });
  return {
    url,
    database,
    site,
    page(path, html, headers) {
      pages.set(path, headers ? { html, headers } : { html });
      return `${url}${path}`;
    },
    async events(type) {
      let query = database.db
        .selectFrom('events')
        .select(['id', 'type', 'at', 'visitor', 'customer', 'data'])
        .where('site_id', '=', site.site.id);
      if (type) query = query.where('type', '=', type);
      const rows = await query.orderBy('received_at').orderBy('at').execute();
      return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
    },
    async close() {
      await server.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
