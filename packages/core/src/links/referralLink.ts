import { validate } from '../guards/check.js';
import { httpUrlCheck, referralCodeCheck } from '../guards/wireChecks.js';
import { withQuery } from './withQuery.js';

/** UTM parameters a referral link may carry, for the merchant's analytics. */
export interface ReferralLinkUtm {
  /** `utm_source`, such as `referral`. */
  source?: string;
  /** `utm_medium`, such as `share`. */
  medium?: string;
  /** `utm_campaign`, such as `spring-friends`. */
  campaign?: string;
}

/** Options of {@link referralLink}. */
export interface ReferralLinkOptions {
  /** UTM parameters to set; each replaces a parameter of the same name. */
  utm?: ReferralLinkUtm;
}

const UTM_KEYS = ['source', 'medium', 'campaign'] as const;

/**
 * `url` with `ref=CODE` (and the given UTM parameters) in its query. An existing `ref`, in
 * any case, is replaced; every other parameter is kept as written, and so is the fragment.
 * Throws a `TypeError` naming `url` or `code` when either is invalid.
 */
export function referralLink(url: string, code: string, options: ReferralLinkOptions = {}): string {
  if (!validate(httpUrlCheck, url).ok) {
    throw new TypeError('[vouch] referralLink: "url" must be an absolute http(s) URL');
  }
  if (!validate(referralCodeCheck, code).ok) {
    throw new TypeError('[vouch] referralLink: "code" must be 4–32 letters or digits');
  }
  const added: [string, string][] = [['ref', code]];
  for (const key of UTM_KEYS) {
    const value = options.utm?.[key];
    if (value) added.push([`utm_${key}`, value]);
  }
  const replaced = new Set(added.map(([name]) => name));
  return withQuery(url, added, (name) => replaced.has(name));
}
