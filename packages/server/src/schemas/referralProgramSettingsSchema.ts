import { errorIssueSchema, referralProgramSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';

/**
 * `GET` and `PUT /v1/admin/referral-program`: the site's program as set (null when none),
 * and what may keep it from working as meant, each naming its field.
 */
export const referralProgramSettingsSchema = z.object({
  program: z.nullable(referralProgramSchema),
  warnings: z.array(errorIssueSchema),
});
export type ReferralProgramSettings = z.infer<typeof referralProgramSettingsSchema>;
