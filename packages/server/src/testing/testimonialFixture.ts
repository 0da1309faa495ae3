import { expect } from 'vitest';
import type { ReferralKit } from './referralKit.js';

/** A valid `POST /v1/testimonials` body with a fresh id and a human's fill time. */
export function testimonialBody(kit: ReferralKit, fields: Record<string, unknown> = {}) {
  return {
    id: kit.id('tst'),
    rating: 5,
    body: `Soft, mild and it lasts for weeks. ${kit.id('note')}`,
    authorName: 'Ada L.',
    consent: true,
    consentVersion: 'reviews-2030-01',
    fillMs: 42_000,
    ...fields,
  };
}

/** Submits a testimonial, expecting 200, and answers what the server said. */
export async function submitTestimonial(
  kit: ReferralKit,
  fields: Record<string, unknown> = {},
): Promise<{
  id: string;
  status: string;
  stored: boolean;
  withdrawToken?: string;
  withdrawUrl?: string;
}> {
  const response = await kit.post('/v1/testimonials', testimonialBody(kit, fields));
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<{
    id: string;
    status: string;
    stored: boolean;
    withdrawToken?: string;
    withdrawUrl?: string;
  }>;
}

/** A moderation call with the secret key, expecting 200. */
export async function moderate(
  kit: ReferralKit,
  id: string,
  action: 'approve' | 'hide' | 'reject',
  body?: unknown,
) {
  const response = await kit.admin(`/v1/admin/testimonials/${id}/${action}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Submits a testimonial and approves it; answers its id. */
export async function approvedTestimonial(
  kit: ReferralKit,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const { id } = await submitTestimonial(kit, fields);
  await moderate(kit, id, 'approve');
  return id;
}
