import type { SiteConfig } from '../schemas/site.js';
import { nullable, num, object, oneOf, recordOf, text } from './check.js';
import { publicReferralProgramCheck } from './programChecks.js';
import { anyText, booleanCheck, publicKeyCheck } from './wireChecks.js';

/** Twin of `siteConfigSchema`, so that a page can read its site's settings cheaply. */
export const siteConfigCheck = object<SiteConfig>(
  {
    site: publicKeyCheck,
    name: anyText,
    consentRequired: booleanCheck,
    attributionDays: num(1, 365, true, 'must be 1 to 365'),
    attribution: oneOf(['first', 'last'], 'must be "first" or "last"'),
    locale: text(2, 35, 'must be 2–35 characters'),
    theme: recordOf(
      text(0, 200, 'must not contain ; { } < or >', /^[^;{}<>]*$/),
      text(0, 1e9, 'must be a lowercase token name', /^[a-z][a-z0-9-]{0,40}$/),
    ),
    identityVerification: booleanCheck,
    referral: nullable(publicReferralProgramCheck),
  },
  false,
);
