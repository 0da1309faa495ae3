import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { jsonWithEtag } from '../http/jsonWithEtag.js';
import { invalidRequest } from '../http/readBrowserRequest.js';
import { resolveBrowserSite } from '../http/resolveBrowserSite.js';
import { publicTestimonialsQuerySchema, ratingQuerySchema } from '../schemas/testimonialSchemas.js';
import { validate } from '../schemas/validate.js';
import { listPublicTestimonials } from '../testimonials/listPublicTestimonials.js';
import { ratingSummary } from '../testimonials/ratingSummary.js';

/**
 * Browsers may reuse a list or a rating this long, then revalidate it with its ETag. A
 * newly approved, hidden or withdrawn testimonial changes every read of the server at
 * once, and what a browser kept within this time.
 */
export const TESTIMONIALS_CACHE = 'public, max-age=30';

/** What the public testimonial reads need. */
export interface PublicTestimonialsRouteOptions {
  database: VouchDatabase;
  sites: SiteDirectory;
  trustProxy: boolean;
}

/** The query string, validated; 400 naming each bad parameter (`minRating` among them). */
function query<T extends z.core.$ZodType>(c: Context<AppEnv>, schema: T): z.output<T> {
  const parsed = validate(schema, c.req.query());
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data;
}

/**
 * The public reads, for the site's own origins and for servers (a shop rendering its
 * pages with `@vouch/widget/ssr`; no CORS headers): `GET /v1/sites/:site/testimonials`
 * (approved only, a page at a time) and `GET /v1/sites/:site/rating` (the aggregate of
 * every approved testimonial). Both carry a short `max-age` and an ETag, answered 304
 * when it still matches. `minRating` is refused: vouch never filters reviews by rating.
 */
export function publicTestimonialsRoute(
  app: Hono<AppEnv>,
  options: PublicTestimonialsRouteOptions,
): void {
  const db = options.database.db;
  const site = (c: Context<AppEnv>) =>
    resolveBrowserSite(c, options.sites, options.trustProxy, c.req.param('site'), true);

  app.get('/v1/sites/:site/testimonials', async (c) => {
    const { id } = await site(c);
    const page = await listPublicTestimonials(db, id, query(c, publicTestimonialsQuerySchema));
    return jsonWithEtag(c, page, TESTIMONIALS_CACHE);
  });

  app.get('/v1/sites/:site/rating', async (c) => {
    const { id } = await site(c);
    const { product } = query(c, ratingQuerySchema);
    return jsonWithEtag(c, await ratingSummary(db, id, product), TESTIMONIALS_CACHE);
  });
}
