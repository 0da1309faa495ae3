import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import { invalidRequest } from '../http/readBrowserRequest.js';
import { listNpsAnswers } from '../nps/listNpsAnswers.js';
import { npsAnswersCsv } from '../nps/npsAnswersCsv.js';
import { npsStatistics } from '../nps/npsStatistics.js';
import { npsResponsesQuerySchema, npsStatsQuerySchema } from '../schemas/npsAdminSchemas.js';
import { validate } from '../schemas/validate.js';

/** The query string, validated; 400 naming each bad parameter. */
function query<T extends z.core.$ZodType>(c: Context<AppEnv>, schema: T): z.output<T> {
  const parsed = validate(schema, c.req.query());
  if (!parsed.success) throw invalidRequest(parsed.issues);
  return parsed.data;
}

/**
 * The admin side of NPS (secret key, checked by the `/v1/admin/*` middleware):
 * statistics per day, week or month with their margin of error, the answers with
 * filters (detractors who agreed to be contacted among them), and a CSV export.
 */
export function adminNpsRoute(app: Hono<AppEnv>, options: { database: VouchDatabase }): void {
  const db = options.database.db;

  app.get('/v1/admin/nps', async (c) =>
    c.json(await npsStatistics(db, c.get('site').id, query(c, npsStatsQuerySchema))),
  );

  app.get('/v1/admin/nps/responses', async (c) => {
    const items = await listNpsAnswers(db, c.get('site').id, query(c, npsResponsesQuerySchema));
    return c.json({ items });
  });

  app.get('/v1/admin/nps/responses.csv', async (c) => {
    const filters = query(c, npsResponsesQuerySchema);
    const answers = await listNpsAnswers(db, c.get('site').id, filters, filters.limit ?? null);
    return c.body(npsAnswersCsv(answers), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="nps-responses.csv"',
    });
  });
}
