import { type TestimonialInput, testimonialInputSchema } from '@vouch/core/schemas';
import type { Context, Hono } from 'hono';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientAddress } from '../http/clientAddress.js';
import {
  type BrowserRequestOptions,
  invalidRequest,
  readBrowserRequest,
} from '../http/readBrowserRequest.js';
import { verifyIdentity } from '../identity/verifyIdentity.js';
import type { RateLimiter } from '../rateLimit/createRateLimiter.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';
import { testimonialIdParamSchema, withdrawRequestSchema } from '../schemas/testimonialSchemas.js';
import { validate } from '../schemas/validate.js';
import { randomBase62 } from '../sites/randomBase62.js';
import type { Site } from '../sites/Site.js';
import {
  recordTestimonial,
  repeatedSubmission,
  type TestimonialSubmission,
} from '../testimonials/recordTestimonial.js';
import type { SpamRules } from '../testimonials/spamRules.js';
import { withdrawTestimonial } from '../testimonials/withdrawTestimonial.js';
import { withdrawalUrl } from './withdrawalPageRoute.js';

/** What the browser testimonial routes need. */
export type TestimonialsRouteOptions = BrowserRequestOptions &
  BrowserWriteLimit & {
    /** New testimonials per site and client address; none: not limited beyond writes. */
    testimonialLimiter: RateLimiter | undefined;
    spamRules: SpamRules;
  };

/** The submission as stored: absent optional fields are null, the id chosen when missing. */
function toSubmission(data: TestimonialInput, site: Site): TestimonialSubmission {
  return {
    id: data.id ?? `tst_${randomBase62(24)}`,
    rating: data.rating,
    title: data.title ?? null,
    body: data.body,
    authorName: data.authorName,
    email: data.email ?? null,
    product: data.product ?? null,
    orderId: data.orderId ?? null,
    photoUrl: data.photoUrl ?? null,
    consentVersion: data.consentVersion ?? null,
    customer: data.customer ?? null,
    customerVerified:
      data.customer !== undefined &&
      verifyIdentity(site, { id: data.customer, hash: data.customerHash }),
    visitor: data.visitor ?? null,
    url: data.url ?? null,
    fillMs: data.fillMs,
    honeypot: Boolean(data.honeypot?.trim()),
  };
}

/** Counts a new testimonial against its own, stricter per-address limit: 429 past it. */
async function limitTestimonials(
  c: Context<AppEnv>,
  siteId: string,
  options: TestimonialsRouteOptions,
): Promise<void> {
  if (!options.testimonialLimiter) return;
  const bucket = `testimonial:${siteId}:${clientAddress(c, options.trustProxy)}`;
  const [verdict] = await options.testimonialLimiter.consume(
    options.database.db,
    [bucket],
    options.now(),
  );
  if (verdict && !verdict.allowed) {
    throw new ApiError(429, 'rate_limited', 'Too many testimonials; try again later.', {
      headers: { 'Retry-After': String(verdict.retryAfter) },
    });
  }
}

/**
 * The browser's testimonial routes (public key, allowed origin):
 * - `POST /v1/testimonials`: a new testimonial, stored `pending`, idempotent by `id`.
 *   Rate limited like every browser write, and new ones also per address on their own
 *   (a retry of a stored id is not counted). Spam checks flag it for the merchant; a
 *   filled honeypot is stored rejected and answered like any other (see
 *   `recordTestimonial`).
 * - `POST /v1/testimonials/:id/withdraw`: the author withdraws consent with the token of
 *   the first answer (which also gives the author's link to do it, `withdrawUrl`: see
 *   `withdrawalPageRoute`); the testimonial is deleted.
 */
export function testimonialsRoute(app: Hono<AppEnv>, options: TestimonialsRouteOptions): void {
  const db = options.database.db;

  app.post('/v1/testimonials', async (c) => {
    const { site, data } = await readBrowserRequest(c, testimonialInputSchema, options);
    await limitBrowserWrite(c, site.id, options);
    const submission = toSubmission(data, site);
    const repeated = data.id ? await repeatedSubmission(db, site.id, submission) : null;
    if (repeated) return c.json(repeated);
    await limitTestimonials(c, site.id, options);
    const receipt = await recordTestimonial(
      db,
      site.id,
      submission,
      options.spamRules,
      options.now(),
    );
    const { withdrawToken: token } = receipt;
    return c.json(
      token
        ? { ...receipt, withdrawUrl: withdrawalUrl(c, options.trustProxy, site, receipt.id, token) }
        : receipt,
    );
  });

  app.post('/v1/testimonials/:id/withdraw', async (c) => {
    const { site, data } = await readBrowserRequest(c, withdrawRequestSchema, options);
    const path = validate(testimonialIdParamSchema, { id: c.req.param('id') });
    if (!path.success) throw invalidRequest(path.issues);
    await limitBrowserWrite(c, site.id, options);
    await withdrawTestimonial(db, site.id, path.data.id, data.token);
    return c.json({ id: path.data.id, withdrawn: true });
  });
}
