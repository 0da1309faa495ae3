import type { SiteConfig } from '../schemas/site.js';
import { arrayOf, nullable, num, object, oneOf, optional, text } from './check.js';

// Apart from ./npsChecks.ts, which the code sending an answer loads: these come with the
// site config only.

const days = optional(num(0, 3650, false, 'must be 0–3650 days'));
const patterns = optional(arrayOf(text(1, 500, 'must be 1–500 characters'), 0, 50));

/** Twin of `npsRulesSchema`. */
export const npsRulesCheck = object<NonNullable<SiteConfig['nps']>>(
  {
    trigger: optional(oneOf(['auto', 'manual'], "must be 'auto' or 'manual'")),
    delayMs: optional(num(0, 3_600_000, false, 'must be 0–3600000 ms')),
    minPageViews: optional(num(0, 1000, true, 'must be a whole number 0–1000')),
    afterConversionDays: optional(nullable(num(0, 3650, false, 'must be null or 0–3650 days'))),
    include: patterns,
    exclude: patterns,
    sampleRate: optional(num(0, 1, false, 'must be from 0 to 1')),
    resurveyDays: days,
    dismissedDays: days,
    survey: optional(text(1, 100, 'must be 1–100 characters')),
  },
  true,
);
