import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createShopBackend } from './createShopBackend.js';
import { createStaticHandler } from './createStaticHandler.js';
import { createOrderBook } from './openOrderBook.js';
import { renderProductReviews } from './renderProductReviews.js';

/** The shop's pages, styles and scripts. */
export const shopPublicDir = fileURLToPath(new URL('../public/', import.meta.url));

/**
 * @typedef {object} ShopAppOptions
 * @property {{ fetch: (request: Request, ...rest: any[]) => Response | Promise<Response> }} vouchApp
 *   The vouch API (`createApp` from `@vouch/server`).
 * @property {string} [publicDir] Folder of the shop's static files.
 *   Default: the `public` folder beside this package
 * @property {(request: Request) => Response | Promise<Response>} [pages] Answers every
 *   request that is not for vouch, in place of the static files (a storefront's own
 *   app, or the pages a test writes). Default: the static files of `publicDir`, the
 *   product pages with their reviews rendered on the server (`renderProductReviews`)
 * @property {{ app: Hono }} [backend]
 *   The shop's own server API under `/api` (`createShopBackend`). Default: one that keeps
 *   orders in memory, honours no discount code and confirms nothing to vouch
 */

/**
 * One app for one port: `/v1/*` and `/healthz` go to vouch, `/api/*` to the shop's own
 * server, everything else is the shop's pages. Serving vouch from the shop's origin is
 * the simplest install a merchant can have: the script tag's `src` is a path, and the
 * shop's origin is the site's allowed origin.
 * @param {ShopAppOptions} options
 */
export function createShopApp({
  vouchApp,
  publicDir = shopPublicDir,
  pages,
  backend = createShopBackend({ orders: createOrderBook() }),
}) {
  const serveStatic =
    pages ?? renderProductReviews({ pages: createStaticHandler({ root: publicDir }), vouchApp });
  const app = new Hono();
  const toVouch = (/** @type {import('hono').Context} */ c) => vouchApp.fetch(c.req.raw, c.env);
  app.all('/v1/*', toVouch);
  app.all('/v1', toVouch);
  app.all('/healthz', toVouch);
  app.route('/api', backend.app);
  app.all('*', (c) => serveStatic(c.req.raw));
  return app;
}
