import { join } from 'node:path';
import { createApp, startServer } from '@vouch/server';
import { COUPON_POOLS, ensureCouponFile, readCouponFile } from './couponFile.js';
import { createShopApp } from './createShopApp.js';
import { createShopBackend } from './createShopBackend.js';
import { ensureDemoSite } from './ensureDemoSite.js';
import { openOrderBook } from './openOrderBook.js';

/**
 * @typedef {object} StartShopOptions
 * @property {import('@vouch/server').VouchDatabase} database The open, migrated database.
 * @property {number} port 0 picks a free port.
 * @property {string} dataDir The shop's data folder (`.vouch`): the demo site file, the
 *   shop's coupon export and its orders.
 * @property {boolean} demo Whether to create and set up the demo site (development).
 * @property {string} [hostname] Address to listen on. Default: every interface
 * @property {string} [host] The host name in the shop's own URLs (`localhost`, `127.0.0.1`).
 *   Default: 'localhost'
 * @property {string} [scriptDir] Where vouch's script files are (`createApp`).
 * @property {() => number} [now] vouch's clock (`createApp`), for tests that move time.
 */

/**
 * @typedef {object} RunningShop
 * @property {string} url The shop's home page, `http://HOST:PORT/`.
 * @property {number} port
 * @property {string[]} origins The shop's origins, allowed on the demo site.
 * @property {import('./ensureDemoSite.js').DemoSite | undefined} demo
 * @property {() => Promise<void>} close Stops the server (the database stays open).
 */

/**
 * The example shop and its vouch server on one port, as `npm start` runs it: vouch's API,
 * the shop's own server (`/api`: prices, coupons, orders confirmed to vouch) and pages.
 * In development (`demo`) the shop generates its coupon exports and sets up the demo site
 * with its referral and share programs; the shop's server reads the site's secret key from the
 * demo site file to confirm orders and sign identities.
 * @param {StartShopOptions} options
 * @returns {Promise<RunningShop>}
 */
export async function startShop(options) {
  const { database, dataDir, demo } = options;
  // One export per discount: the friend's 10% off and the sharer's 5% off.
  const couponFiles = COUPON_POOLS.map((pool) => ({
    ...pool,
    file: join(dataDir, 'shop', `${pool.pool}.csv`),
  }));
  const coupons = [];
  for (const pool of couponFiles) {
    const codes = demo
      ? (await ensureCouponFile(pool.file, pool)).codes
      : await readCouponFile(pool.file);
    if (codes) coupons.push({ codes, percentOff: pool.percentOff });
  }
  const orders = await openOrderBook({ file: join(dataDir, 'shop', 'orders.json') });
  /** @type {import('./confirmOrder.js').VouchLink | undefined} */
  let link;
  const backend = createShopBackend({
    orders,
    ...(coupons.length ? { coupons } : {}),
    vouch: () => link,
  });
  const vouchApp = createApp({
    db: database,
    ...(options.scriptDir ? { scriptDir: options.scriptDir } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await startServer({
    app: createShopApp({ vouchApp, backend }),
    port: options.port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
  });
  const host = options.host ?? 'localhost';
  const url = `http://${host}:${server.port}/`;
  const origins = [`http://localhost:${server.port}`, `http://127.0.0.1:${server.port}`];
  let demoSite;
  if (demo) {
    try {
      demoSite = await ensureDemoSite(database, origins, {
        vouchApp,
        siteFile: join(dataDir, 'demo-site.json'),
        couponFiles: couponFiles.map(({ pool, file }) => ({ pool, file })),
        landingUrl: url,
      });
    } catch (error) {
      await server.close();
      throw error;
    }
    if (demoSite.serverKey) {
      // The shop's server talks to vouch over HTTP like any merchant backend, here on
      // its own port.
      const loopback = options.hostname === '::1' ? '[::1]' : '127.0.0.1';
      link = { endpoint: `http://${loopback}:${server.port}`, secretKey: demoSite.serverKey };
      backend.confirmPending().catch((error) => console.error(`Confirming orders: ${error}`));
    }
  }
  return { url, port: server.port, origins, demo: demoSite, close: () => server.close() };
}
