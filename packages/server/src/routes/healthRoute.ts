import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { VouchDatabase } from '../db/openDatabase.js';
import type { AppEnv } from '../http/AppEnv.js';
import { errorResponse } from '../http/handleError.js';
import type { Health } from '../schemas/healthSchema.js';

/**
 * `GET /healthz`: 200 when a query reaches the database, else 503 `unavailable`, so a
 * load balancer takes an instance that lost its database out of rotation.
 */
export function healthRoute(app: Hono<AppEnv>, database: VouchDatabase): void {
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(database.db);
    } catch {
      return errorResponse(c, 503, {
        code: 'unavailable',
        message: 'The database cannot be reached.',
      });
    }
    return c.json({ ok: true, database: database.dialect } satisfies Health);
  });
}
