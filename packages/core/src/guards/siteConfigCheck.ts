import type { SiteConfig } from '../schemas/site.js';
import { nullable, object, text } from './check.js';
import { npsRulesCheck } from './npsRulesCheck.js';
import { publicReferralProgramCheck } from './programChecks.js';
import { publicShareProgramCheck } from './shareChecks.js';
import { attributionCheck, attributionDaysCheck, themeCheck } from './siteBasicsCheck.js';
import { anyText, booleanCheck, publicKeyCheck } from './wireChecks.js';

/** Twin of `siteConfigSchema`, so that a page can read its site's settings cheaply. */
export const siteConfigCheck = object<SiteConfig>(
  {
    site: publicKeyCheck,
    name: anyText,
    consentRequired: booleanCheck,
    attributionDays: attributionDaysCheck,
    attribution: attributionCheck,
    locale: text(2, 35, 'must be 2–35 characters'),
    theme: themeCheck,
    identityVerification: booleanCheck,
    referral: nullable(publicReferralProgramCheck),
    nps: nullable(npsRulesCheck),
    share: nullable(publicShareProgramCheck),
  },
  false,
);
