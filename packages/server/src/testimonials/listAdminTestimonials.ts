import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { DEFAULT_PAGE, decodeCursor, toPage } from '../referrals/adminCursor.js';
import type { AdminTestimonialsQuery } from '../schemas/testimonialSchemas.js';
import { toTestimonialRecord } from './toTestimonialRecord.js';

/**
 * `GET /v1/admin/testimonials`: newest first, by status, product, spam flags and verified
 * buyer, a page at a time. There is no rating filter: moderation is for spam and abuse.
 */
export async function listAdminTestimonials(
  db: Kysely<VouchTables>,
  siteId: string,
  query: AdminTestimonialsQuery,
) {
  const limit = query.limit ?? DEFAULT_PAGE;
  const cursor = decodeCursor(query.cursor);
  let select = db.selectFrom('testimonials').selectAll().where('site_id', '=', siteId);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.product) select = select.where('product', '=', query.product);
  if (query.flagged === 'true') select = select.where('spam_reasons', '!=', '[]');
  if (query.flagged === 'false') select = select.where('spam_reasons', '=', '[]');
  if (query.verifiedBuyer) {
    select = select.where('verified_buyer', '=', query.verifiedBuyer === 'true' ? 1 : 0);
  }
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (row) => ({ createdAt: row.created_at, id: row.id }),
    toTestimonialRecord,
  );
}
