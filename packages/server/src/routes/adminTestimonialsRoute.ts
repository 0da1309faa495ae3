import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import { invalidRequest } from '../http/readBrowserRequest.js';
import { readJsonBody } from '../http/readJsonBody.js';
import {
  adminTestimonialsQuerySchema,
  rejectRequestSchema,
  replyRequestSchema,
  testimonialIdParamSchema,
} from '../schemas/testimonialSchemas.js';
import { validate } from '../schemas/validate.js';
import { listAdminTestimonials } from '../testimonials/listAdminTestimonials.js';
import { deleteTestimonial, moderateTestimonial } from '../testimonials/moderateTestimonial.js';

/** What the admin testimonial routes need. */
export interface AdminTestimonialsRouteOptions {
  database: VouchDatabase;
  bodyLimit: number;
  now: () => number;
}

/** `value` validated with `schema`; 400 naming each bad field. */
function valid<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = validate(schema, value);
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data;
}

/**
 * Moderation (secret key, checked by the `/v1/admin/*` middleware): the list by status
 * with filters and cursor, approve, reject with a reason, hide, reply (and remove the
 * reply), delete. Moderation is for spam and abuse: no route reads or filters by rating.
 */
export function adminTestimonialsRoute(
  app: Hono<AppEnv>,
  options: AdminTestimonialsRouteOptions,
): void {
  const db = options.database.db;
  const at = () => new Date(options.now()).toISOString();
  const id = (c: Context<AppEnv>) => valid(testimonialIdParamSchema, { id: c.req.param('id') }).id;

  app.get('/v1/admin/testimonials', async (c) =>
    c.json(
      await listAdminTestimonials(
        db,
        c.get('site').id,
        valid(adminTestimonialsQuerySchema, c.req.query()),
      ),
    ),
  );

  app.post('/v1/admin/testimonials/:id/approve', async (c) =>
    c.json(
      await moderateTestimonial(
        db,
        c.get('site').id,
        id(c),
        { status: 'approved', reject_reason: null },
        at(),
      ),
    ),
  );

  app.post('/v1/admin/testimonials/:id/hide', async (c) =>
    c.json(await moderateTestimonial(db, c.get('site').id, id(c), { status: 'hidden' }, at())),
  );

  app.post('/v1/admin/testimonials/:id/reject', async (c) => {
    const testimonial = id(c);
    const { reason } = valid(rejectRequestSchema, await readJsonBody(c, options.bodyLimit));
    return c.json(
      await moderateTestimonial(
        db,
        c.get('site').id,
        testimonial,
        { status: 'rejected', reject_reason: reason },
        at(),
      ),
    );
  });

  app.put('/v1/admin/testimonials/:id/reply', async (c) => {
    const testimonial = id(c);
    const { body } = valid(replyRequestSchema, await readJsonBody(c, options.bodyLimit));
    const now = at();
    return c.json(
      await moderateTestimonial(
        db,
        c.get('site').id,
        testimonial,
        { reply_body: body, replied_at: now },
        now,
      ),
    );
  });

  app.delete('/v1/admin/testimonials/:id/reply', async (c) =>
    c.json(
      await moderateTestimonial(
        db,
        c.get('site').id,
        id(c),
        { reply_body: null, replied_at: null },
        at(),
      ),
    ),
  );

  app.delete('/v1/admin/testimonials/:id', async (c) => {
    const testimonial = id(c);
    await deleteTestimonial(db, c.get('site').id, testimonial);
    return c.json({ id: testimonial, deleted: true });
  });
}
