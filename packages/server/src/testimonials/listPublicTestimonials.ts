import type { TestimonialPage } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import {
  DEFAULT_PUBLIC_PAGE,
  type PublicTestimonialsQuery,
} from '../schemas/testimonialSchemas.js';
import { decodePublicCursor, encodePublicCursor } from './publicCursor.js';
import { toPublicTestimonial } from './toPublicTestimonial.js';

/**
 * `GET /v1/sites/:site/testimonials`: approved testimonials only, for one product or the
 * whole site, a page at a time in a stable order — newest first, or highest rating first
 * and newest first among equals (ties broken by id). Sorting by rating orders the list;
 * nothing ever leaves a review out because of its rating.
 */
export async function listPublicTestimonials(
  db: Kysely<VouchTables>,
  siteId: string,
  query: PublicTestimonialsQuery,
): Promise<TestimonialPage> {
  const limit = query.limit ?? DEFAULT_PUBLIC_PAGE;
  const cursor = decodePublicCursor(query.cursor, query.sort);
  let select = db
    .selectFrom('testimonials')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('status', '=', 'approved');
  if (query.product) select = select.where('product', '=', query.product);
  if (cursor) {
    select = select.where((eb) => {
      const newer = eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]);
      return query.sort === 'newest'
        ? newer
        : eb.or([
            eb('rating', '<', cursor.rating),
            eb.and([eb('rating', '=', cursor.rating), newer]),
          ]);
    });
  }
  if (query.sort === 'highest') select = select.orderBy('rating', 'desc');
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toPublicTestimonial),
    nextCursor:
      rows.length > limit && last
        ? encodePublicCursor({
            sort: query.sort,
            rating: last.rating,
            createdAt: last.created_at,
            id: last.id,
          })
        : null,
  };
}
