import { errorIssueSchema, shareProgramSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';

/**
 * `GET` and `PUT /v1/admin/share-program`: the site's share program as set (null when
 * none), and what may keep it from working as meant, each naming its field.
 */
export const shareProgramSettingsSchema = z.object({
  program: z.nullable(shareProgramSchema),
  warnings: z.array(errorIssueSchema),
});
export type ShareProgramSettings = z.infer<typeof shareProgramSettingsSchema>;
