import { aggregateRatingCounts } from '@vouch/core';
import type { RatingSummary } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';

/**
 * `GET /v1/sites/:site/rating`: every approved testimonial counted, whatever its rating,
 * for one product or the whole site. The database counts per star; `aggregateRatingCounts`
 * of the core turns the counts into the average (one decimal, null without any rating),
 * as every other reader of ratings computes it.
 */
export async function ratingSummary(
  db: Kysely<VouchTables>,
  siteId: string,
  product: string | undefined,
): Promise<RatingSummary> {
  let select = db
    .selectFrom('testimonials')
    .select((eb) => ['rating', eb.fn.countAll<number | string>().as('count')])
    .where('site_id', '=', siteId)
    .where('status', '=', 'approved');
  if (product) select = select.where('product', '=', product);
  const rows = await select.groupBy('rating').execute();
  const histogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const row of rows) histogram[row.rating as 1 | 2 | 3 | 4 | 5] = Number(row.count);
  return { ...(product ? { product } : {}), ...aggregateRatingCounts(histogram) };
}
