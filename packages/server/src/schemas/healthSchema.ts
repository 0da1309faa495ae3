import * as z from 'zod/mini';

/** `GET /healthz` when the server can reach its database. */
export const healthSchema = z.object({
  ok: z.literal(true),
  database: z.enum(['sqlite', 'postgres']),
});
export type Health = z.infer<typeof healthSchema>;
