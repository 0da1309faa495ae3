import { originSchema, publicKeySchema, siteConfigSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';

/** `GET /v1/admin/site`: the settings of the secret key's site. Never a secret. */
export const adminSiteSchema = z.object({
  ...siteConfigSchema.shape,
  id: z.string(),
  publicKey: publicKeySchema,
  origins: z.array(originSchema),
  createdAt: z.iso.datetime(),
});
export type AdminSite = z.infer<typeof adminSiteSchema>;
