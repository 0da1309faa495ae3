import type { PublicTestimonial } from '@vouch/core/schemas';
import type { Selectable } from 'kysely';
import type { TestimonialsTable } from '../db/schema.js';

/**
 * An approved testimonial as public reads show it: never the e-mail, order id,
 * customer, visitor or spam findings. Texts go out exactly as stored — the server does no
 * HTML processing; whatever renders them must treat them as text.
 */
export function toPublicTestimonial(row: Selectable<TestimonialsTable>): PublicTestimonial {
  return {
    id: row.id,
    rating: row.rating,
    body: row.body,
    ...(row.title !== null ? { title: row.title } : {}),
    authorName: row.author_name,
    createdAt: row.created_at,
    ...(row.product !== null ? { product: row.product } : {}),
    verifiedBuyer: row.verified_buyer === 1,
    incentivized: row.incentivized === 1,
    ...(row.reply_body !== null && row.replied_at !== null
      ? { reply: { body: row.reply_body, createdAt: row.replied_at } }
      : {}),
    ...(row.photo_url !== null ? { photoUrl: row.photo_url } : {}),
  };
}
