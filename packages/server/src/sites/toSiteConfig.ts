import type { SiteConfig } from '@vouch/core/schemas';
import { publicReferralProgram } from '../referralProgram/publicReferralProgram.js';
import { publicShareProgram } from '../shareProgram/publicShareProgram.js';
import type { Site } from './Site.js';

/** What pages may know of a site (`GET /v1/sites/:site/config`): no origins, no rules. */
export function toSiteConfig(site: Site): SiteConfig {
  return {
    site: site.publicKey,
    name: site.name,
    consentRequired: site.consentRequired,
    attributionDays: site.attributionDays,
    attribution: site.attribution,
    locale: site.locale,
    theme: site.theme,
    identityVerification: site.identityVerification,
    referral: publicReferralProgram(site.referralProgram, site.locale),
    nps: site.npsRules,
    share: publicShareProgram(site.shareProgram, site.referralProgram, site.locale),
  };
}
