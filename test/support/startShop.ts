import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningShop, startShop } from '../../examples/shop/lib/startShop.js';
import { migrate, openDatabase, type VouchDatabase } from '../../packages/server/src/index.js';

/** vouch's clock in a test: the real time plus whatever the test has moved it on by. */
export interface TestClock {
  now(): number;
  /** Moves the server's time on by `ms` (the browser's clock is not touched). */
  advance(ms: number): void;
}

/** The example shop as `npm start` runs it, in a fresh folder, with a clock the test moves. */
export interface TestShop {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** Where the shop keeps its data (`.vouch` of `npm start`). */
  dataDir: string;
  database: VouchDatabase;
  clock: TestClock;
  /** The demo site's secret key, as the shop's server read it from its site file. */
  secretKey: string;
  running: RunningShop;
  /**
   * Calls vouch's API with the secret key (admin, server to server); parses the JSON,
   * whose shape the caller names (and its expectations check).
   */
  api<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** Options of {@link startTestShop}. */
export interface StartTestShopOptions {
  /** Reuse a data folder (a later start). @default a fresh temporary folder */
  dataDir?: string;
  /** Reuse a database (a later start). @default a fresh SQLite file in `dataDir` */
  database?: VouchDatabase;
}

/** Starts the example shop with its demo site on 127.0.0.1 and a free port. */
export async function startTestShop(options: StartTestShopOptions = {}): Promise<TestShop> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vouch-shop-e2e-'));
  const database = options.database ?? openDatabase({ file: join(dataDir, 'vouch.db') });
  await migrate(database);
  let offset = 0;
  const clock: TestClock = {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
  const running = await startShop({
    database,
    port: 0,
    hostname: '127.0.0.1',
    host: '127.0.0.1',
    dataDir,
    demo: true,
    now: clock.now,
  });
  const secretKey = running.demo?.serverKey;
  if (!secretKey) {
    await running.close();
    if (!options.database) await database.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw new Error('the demo site has no secret key for the shop server');
  }
  const url = `http://127.0.0.1:${running.port}`;
  return {
    url,
    dataDir,
    database,
    clock,
    secretKey,
    running,
    async api<T>(path: string, init: RequestInit = {}) {
      const response = await fetch(`${url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async close() {
      await running.close();
      if (!options.database) await database.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
