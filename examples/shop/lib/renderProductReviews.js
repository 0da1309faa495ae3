import { renderRating, renderTestimonials } from '@vouch/widget/ssr';
import { findProduct } from '../public/assets/catalog.js';

/** `/products/SKU/`: a product page. */
const PRODUCT_PAGE = /^\/products\/([a-z0-9-]+)\/$/;
/** The page's empty mounts of the badge and the wall, which the rendered widgets replace. */
const RATING_MOUNT = /<div data-vouch="rating"[^>]*><\/div>/;
const WALL_MOUNT = /<div data-vouch="testimonials"[^>]*><\/div>/;
/** The site key of the page's vouch snippet. */
const SITE = /<script[^>]* data-site="([^"]+)"/;

/**
 * @typedef {object} ProductReviewsOptions
 * @property {(request: Request) => Response | Promise<Response>} pages The shop's pages.
 * @property {{ fetch: (request: Request, ...rest: any[]) => Response | Promise<Response> }} vouchApp
 *   The vouch API, read in the same process (a server-to-server read, no `Origin`).
 */

/**
 * The product pages with their rating badge and wall of reviews rendered on the server
 * (`@vouch/widget/ssr`), with the product's review markup (JSON-LD: name, sku and URL
 * from the catalog): search engines and shoppers without JavaScript see the reviews, and
 * the script tag's widgets take them over without a flash or a shift. If vouch cannot be
 * read, the page keeps its empty mounts, which the widgets fill in the browser as before.
 * Every other request goes to `pages` as it is.
 * @param {ProductReviewsOptions} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function renderProductReviews({ pages, vouchApp }) {
  return async (request) => {
    const url = new URL(request.url);
    const product = findProduct(PRODUCT_PAGE.exec(url.pathname)?.[1]);
    if (!product || request.method !== 'GET') return pages(request);
    // The file's ETag would say nothing of the reviews in it: always the whole page.
    const plain = new Request(request);
    plain.headers.delete('if-none-match');
    const response = await pages(plain);
    const html = await response.text();
    const site = SITE.exec(html)?.[1];
    if (response.status !== 200 || !site) return new Response(html, response);
    const source = {
      endpoint: url.origin,
      site,
      fetch: async (/** @type {Request} */ read) => vouchApp.fetch(read),
      product: product.sku,
    };
    const [rating, wall] = await Promise.allSettled([
      renderRating({ ...source, href: '#reviews' }),
      renderTestimonials({
        ...source,
        jsonLd: { name: product.name, sku: product.sku, url: new URL(product.url, url).href },
      }),
    ]);
    for (const failed of [rating, wall]) {
      if (failed.status === 'rejected') console.error(`Reviews not rendered: ${failed.reason}`);
    }
    const headers = new Headers(response.headers);
    headers.delete('etag');
    headers.delete('content-length');
    // Replaced through functions: a `$` in a review is text, not a replacement pattern.
    const body = html
      .replace(RATING_MOUNT, (mount) => (rating.status === 'fulfilled' ? rating.value : mount))
      .replace(WALL_MOUNT, (mount) => (wall.status === 'fulfilled' ? wall.value : mount));
    return new Response(body, { status: 200, headers });
  };
}
