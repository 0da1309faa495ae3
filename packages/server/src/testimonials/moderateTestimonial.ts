import type { Kysely, Updateable } from 'kysely';
import type { TestimonialsTable, VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import type { TestimonialRecord } from '../schemas/testimonialSchemas.js';
import { toTestimonialRecord } from './toTestimonialRecord.js';

/** 404 for an id the site does not have. */
export function testimonialNotFound(id: string): ApiError {
  return new ApiError(404, 'testimonial_not_found', `No testimonial has the id ${id}.`);
}

/**
 * Applies a moderation change (status, reject reason, reply) to one testimonial and
 * answers it as the admin API shows it; 404 when the site has no such id. Any status may
 * follow any other: a merchant can approve what they rejected, or hide what was approved.
 */
export async function moderateTestimonial(
  db: Kysely<VouchTables>,
  siteId: string,
  id: string,
  change: Omit<Updateable<TestimonialsTable>, 'site_id' | 'id'>,
  at: string,
): Promise<TestimonialRecord> {
  const row = await db
    .updateTable('testimonials')
    .set({ ...change, updated_at: at })
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw testimonialNotFound(id);
  return toTestimonialRecord(row);
}

/** Deletes one testimonial for good; 404 when the site has no such id. */
export async function deleteTestimonial(
  db: Kysely<VouchTables>,
  siteId: string,
  id: string,
): Promise<void> {
  const deleted = await db
    .deleteFrom('testimonials')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw testimonialNotFound(id);
}
