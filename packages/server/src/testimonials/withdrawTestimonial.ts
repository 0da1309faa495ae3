import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { matchesWithdrawToken } from './withdrawToken.js';

/** Whether the testimonial `id` of the site exists and `token` is its withdrawal token. */
export async function canWithdraw(
  db: Kysely<VouchTables>,
  siteId: string,
  id: string,
  token: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('testimonials')
    .select('withdraw_hash')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Boolean(row && matchesWithdrawToken(token, row.withdraw_hash));
}

/**
 * The author withdraws their consent: with the token of the first answer, the
 * testimonial is deleted, so that no public read (list, rating) shows or counts it from
 * this moment. An unknown id and a wrong token get the same 404, so the route tells
 * nothing about which ids exist.
 */
export async function withdrawTestimonial(
  db: Kysely<VouchTables>,
  siteId: string,
  id: string,
  token: string,
): Promise<void> {
  const row = await db
    .selectFrom('testimonials')
    .select('withdraw_hash')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !matchesWithdrawToken(token, row.withdraw_hash)) {
    throw new ApiError(
      404,
      'testimonial_not_found',
      'No testimonial has this id and withdrawal token.',
    );
  }
  await db
    .deleteFrom('testimonials')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .where('withdraw_hash', '=', row.withdraw_hash)
    .execute();
}
