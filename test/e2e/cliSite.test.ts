import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type VouchDatabase } from '../../packages/server/src/index.js';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { type NodeChild, runNode, spawnNode } from '../support/spawnNode.js';
import { type PageServer, startPageServer } from '../support/startPageServer.js';
import { freePort } from '../support/startPostgres.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { watchNetwork } from '../support/watchNetwork.js';
import { watchPage } from '../support/watchPage.js';

const cli = fileURLToPath(new URL('../../packages/server/bin/vouch-server.js', import.meta.url));

// A merchant's path: create a site with the command line, start the server with it, and
// paste the snippet into a shop on the origin they named.
describeWithChromium('a site made with `vouch-server sites create`', () => {
  const chromium = useChromium();
  let dir: string;
  let env: Record<string, string>;
  let server: NodeChild;
  let endpoint: string;
  let shop: PageServer;
  let other: PageServer;
  let database: VouchDatabase;
  let created: { site: { id: string }; publicKey: string; secretKey: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-cli-'));
    env = { VOUCH_DB: join(dir, 'vouch.db'), DATABASE_URL: '' };
    const shopPort = await freePort();
    const made = await runNode(
      [
        cli,
        'sites',
        'create',
        '--name',
        'Corner shop',
        '--origin',
        `http://localhost:${shopPort}`,
        '--json',
      ],
      env,
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    created = JSON.parse(made.stdout);
    expect(Object.keys(created).sort()).toEqual(['publicKey', 'secretKey', 'site']);

    const port = await freePort();
    server = spawnNode([cli, 'start', '--port', String(port), '--host', '127.0.0.1'], env);
    await server.waitFor(/listening on/);
    endpoint = `http://127.0.0.1:${port}`;
    shop = await startPageServer({ hostname: 'localhost', port: shopPort });
    other = await startPageServer({ hostname: '127.0.0.1' });
    database = openDatabase({ file: env.VOUCH_DB });
  });

  afterAll(async () => {
    await database?.close();
    await shop?.close();
    await other?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedUrls = async () =>
    (
      await database.db
        .selectFrom('events')
        .select('data')
        .where('site_id', '=', created.site.id)
        .execute()
    ).map((row) => JSON.parse(row.data).url as string);

  it('records page views from the origin it names', async () => {
    const url = shop.page(
      '/',
      html({ head: snippet(`${endpoint}/v1/vouch.js`, created.publicKey) }),
    );
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(url);
    await waitFor(async () => ((await storedUrls()).includes(url) ? true : undefined));
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('refuses the same snippet on another origin', async () => {
    const url = other.page(
      '/',
      html({ head: snippet(`${endpoint}/v1/vouch.js`, created.publicKey) }),
    );
    const page = await (await chromium.context()).newPage();
    const network = await watchNetwork(page);
    await page.goto(url);
    const refused = await waitFor(() =>
      network.find((exchange) => exchange.method === 'POST' && exchange.status !== undefined),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(await storedUrls()).not.toContain(url);
  });
});
