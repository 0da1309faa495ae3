import type { Selectable } from 'kysely';
import type { TestimonialsTable } from '../db/schema.js';
import type { TestimonialRecord } from '../schemas/testimonialSchemas.js';

/** A stored testimonial as the admin API shows it, private fields included. */
export function toTestimonialRecord(row: Selectable<TestimonialsTable>): TestimonialRecord {
  return {
    id: row.id,
    status: row.status as TestimonialRecord['status'],
    rating: row.rating,
    title: row.title,
    body: row.body,
    authorName: row.author_name,
    email: row.email,
    product: row.product,
    orderId: row.order_id,
    photoUrl: row.photo_url,
    consentVersion: row.consent_version,
    consentedAt: row.consented_at,
    customer: row.customer,
    visitor: row.visitor,
    url: row.url,
    verifiedBuyer: row.verified_buyer === 1,
    incentivized: row.incentivized === 1,
    spamReasons: JSON.parse(row.spam_reasons) as TestimonialRecord['spamReasons'],
    rejectReason: row.reject_reason,
    reply:
      row.reply_body !== null && row.replied_at !== null
        ? { body: row.reply_body, createdAt: row.replied_at }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
