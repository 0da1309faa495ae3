import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../packages/server/src/index.js';
import { type NodeChild, spawnNode } from '../support/spawnNode.js';
import { freePort } from '../support/startPostgres.js';

const serveJs = fileURLToPath(new URL('../../examples/shop/serve.js', import.meta.url));
const DEMO_KEY = 'pk_demo_lather_and_leaf_0001';
// The shop must use its default database, whatever the developer's shell has set.
const cleanEnv = { DATABASE_URL: '', VOUCH_DB: '' };

// `npm start` as a merchant runs it: the real serve.js (over the built server) in a child
// process, with a fresh working directory so the default `.vouch/vouch.db` is its own.
describe('example shop server (serve.js)', () => {
  let cwd: string;
  let shop: NodeChild;
  let base: string;
  let port: number;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'vouch-shop-'));
    port = await freePort();
    shop = spawnNode([serveJs], { ...cleanEnv, PORT: String(port), NODE_ENV: 'development' }, cwd);
    await shop.waitFor(/is open at (http:\S+)/);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await shop?.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('creates the demo site on first start and prints both keys once', () => {
    const out = shop.output();
    expect(out).toContain(`public key  ${DEMO_KEY}`);
    expect(out).toMatch(/secret key {2}sk_[A-Za-z0-9]{40}/);
    expect(out).toContain(`Lather & Leaf is open at http://localhost:${port}/`);
    expect(out).toContain(join(cwd, '.vouch', 'vouch.db'));
  });

  it('serves pages with content types, folders as index.html, and a 404 page', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await home.text();
    expect(html).toContain('<title>Lather & Leaf');
    expect(html).toContain(
      '<script>window.vouch=window.vouch||function(){(vouch.q=vouch.q||[]).push(arguments)};</script>\n    <script async src="/v1/vouch.js" data-site="pk_demo_lather_and_leaf_0001"></script>',
    );

    const product = await fetch(`${base}/products/oat-and-honey`, { redirect: 'manual' });
    expect(product.status).toBe(301);
    expect(product.headers.get('location')).toBe('/products/oat-and-honey/');
    expect((await fetch(`${base}/products/oat-and-honey/`)).status).toBe(200);

    const css = await fetch(`${base}/assets/shop.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const js = await fetch(`${base}/assets/shop.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const missing = await fetch(`${base}/no-such-soap`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('We couldn’t find that page');
  });

  it('revalidates with ETag and never serves files outside the shop', async () => {
    const first = await fetch(`${base}/assets/shop.css`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${base}/assets/shop.css`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    for (const path of [
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fserve.js',
      '/.vouch/vouch.db',
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('"name"');
    }
  });

  it('routes /healthz and /v1 to vouch on the same port', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const loader = await fetch(`${base}/v1/vouch.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toMatch(/^text\/javascript/);
    const config = await fetch(`${base}/v1/sites/${DEMO_KEY}/config`, {
      headers: { origin: `http://localhost:${port}` },
    });
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ site: DEMO_KEY, name: 'Lather & Leaf' });
  });

  it('on a later start keeps the keys, allows the new port and says how to make a site', async () => {
    await shop.stop();
    const secondPort = await freePort();
    const second = spawnNode(
      [serveJs],
      { ...cleanEnv, PORT: String(secondPort), NODE_ENV: 'development' },
      cwd,
    );
    try {
      await second.waitFor(/is open at/);
      const out = second.output();
      expect(out).not.toMatch(/sk_[A-Za-z0-9]{40}/);
      expect(out).toContain('sites create');
      expect(out).toContain(`allowed origin http://localhost:${secondPort}`);
      const answer = await fetch(`http://127.0.0.1:${secondPort}/v1/events`, {
        method: 'POST',
        headers: {
          origin: `http://localhost:${secondPort}`,
          'content-type': 'text/plain;charset=UTF-8',
        },
        body: JSON.stringify({
          site: DEMO_KEY,
          events: [
            {
              id: 'shop-server-1',
              type: 'page',
              at: new Date().toISOString(),
              url: `http://localhost:${secondPort}/`,
            },
          ],
        }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(
        `http://localhost:${secondPort}`,
      );
    } finally {
      await second.stop();
    }
    const database = openDatabase({ file: join(cwd, '.vouch', 'vouch.db') });
    try {
      const origins = await database.db.selectFrom('site_origins').select('origin').execute();
      expect(origins.map((row) => row.origin).sort()).toEqual(
        [
          `http://127.0.0.1:${port}`,
          `http://127.0.0.1:${secondPort}`,
          `http://localhost:${port}`,
          `http://localhost:${secondPort}`,
        ].sort(),
      );
      const sites = await database.db.selectFrom('sites').select('public_key').execute();
      expect(sites).toEqual([{ public_key: DEMO_KEY }]);
    } finally {
      await database.close();
    }
  });

  it('creates no demo site in production', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-shop-prod-'));
    const prod = spawnNode(
      [serveJs],
      { ...cleanEnv, PORT: String(await freePort()), NODE_ENV: 'production' },
      dir,
    );
    try {
      await prod.waitFor(/is open at/);
      expect(prod.output()).toContain('No demo site is created in production');
      expect(prod.output()).not.toMatch(/sk_/);
    } finally {
      await prod.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
