import type { SiteConfig } from '../schemas/site.js';
import { type Check, nullable, num, object, oneOf, optional, recordOf, text } from './check.js';
import { anyText, booleanCheck } from './wireChecks.js';

// Apart from ./siteConfigCheck.ts so that a page checking what it needs at once leaves
// the referral-program checks out: a bundle splits by module, not by export.

/**
 * The settings a page needs before a widget paints: consent and attribution (the client
 * starts with them), the theme (the widgets are styled with it), the shop's name (the
 * NPS question says it) and the NPS rules (whether the prompt's code loads at all).
 */
export type SiteBasics = Pick<
  SiteConfig,
  'consentRequired' | 'attributionDays' | 'attribution' | 'theme'
> &
  Partial<Pick<SiteConfig, 'name' | 'nps'>>;

/** Twin of the `attributionDays` field of `siteConfigSchema`. */
export const attributionDaysCheck = num(1, 365, true, 'must be 1 to 365');
/** Twin of the `attribution` field of `siteConfigSchema`. */
export const attributionCheck = oneOf(['first', 'last'], 'must be "first" or "last"');
/** Twin of `themeSchema`. */
export const themeCheck = recordOf(
  text(0, 200, 'must not contain ; { } < or >', /^[^;{}<>]*$/),
  text(0, 1e9, 'must be a lowercase token name', /^[a-z][a-z0-9-]{0,40}$/),
);

/** The {@link SiteBasics} of a site config; other fields are left for `siteConfigCheck`. */
export const siteBasicsCheck = object<SiteBasics>(
  {
    name: optional(anyText),
    // Only its shape here: the rules are checked field by field (`npsRules`) where the
    // prompt's code decides with them, after the first paint.
    nps: optional(nullable(object<object>({}, false) as Check<NonNullable<SiteConfig['nps']>>)),
    consentRequired: booleanCheck,
    attributionDays: attributionDaysCheck,
    attribution: attributionCheck,
    theme: themeCheck,
  },
  false,
);
