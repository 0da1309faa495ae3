import * as z from 'zod/mini';
import { npsRulesSchema } from './npsRules.js';
import { publicKeySchema } from './primitives.js';
import { publicReferralProgramSchema } from './referrals.js';
import { publicShareProgramSchema } from './shareProgram.js';

/** A theme token: the name of a `--vouch-*` custom property without the prefix. */
export const themeSchema = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a lowercase token name')),
  z.string().check(z.maxLength(200), z.regex(/^[^;{}<>]*$/, 'must not contain ; { } < or >')),
);
export type Theme = z.infer<typeof themeSchema>;

/** Public settings of a site, as `GET /v1/sites/:site/config` returns them. */
export const siteConfigSchema = z.object({
  site: publicKeySchema,
  name: z.string(),
  /** Whether nothing may be written to persistent storage before `consent(true)`. */
  consentRequired: z.boolean(),
  /** Days a referral landing is kept for attribution. */
  attributionDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)),
  /** Which landing a conversion credits when several codes were seen. */
  attribution: z.enum(['first', 'last']),
  locale: z.string().check(z.minLength(2), z.maxLength(35)),
  theme: themeSchema,
  /** Whether `identify` must carry the HMAC `hash` of the customer id. */
  identityVerification: z.boolean(),
  /** The referral program when it is on, else null. */
  referral: z.nullable(publicReferralProgramSchema),
  /**
   * The rules of the NPS prompt the page shows by itself (`{}`: the defaults), or null
   * when it shows none unless asked (`vouch('nps')`).
   */
  nps: z.nullable(npsRulesSchema),
  /** The share program when it is on, else null. */
  share: z.nullable(publicShareProgramSchema),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;
