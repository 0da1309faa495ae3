import { formatIssues } from './formatIssues.js';
import { type Check, object, optional, validate } from './guards/check.js';
import {
  attributionCheck,
  attributionDaysCheck,
  type SiteBasics,
} from './guards/siteBasicsCheck.js';
import { booleanCheck, httpUrlCheck, publicKeyCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';

/** Options of `createVouch`. */
export interface VouchOptions {
  /** The site's public key (`pk_…`). */
  site: string;
  /** The vouch server, e.g. `https://vouch.shop.example` (no query or fragment). */
  endpoint: string;
  /** The environment: `createBrowserPlatform()` in a page, `createMemoryPlatform()` in tests. */
  platform: Platform;
  /**
   * The site's settings when they were already read (`GET /v1/sites/:site/config`): they
   * give the defaults of the three options below, and `siteConfig()` serves them (checked
   * in full with `siteConfigCheck` when first asked for) instead of asking the server.
   */
  config?: SiteBasics;
  /** Whether nothing may be stored before `consent(true)`. @default config's, else false */
  consentRequired?: boolean;
  /** Days a referral landing counts for attribution. @default config's, else 30 */
  attributionDays?: number;
  /** Which landing a later conversion credits when several codes were seen. @default config's, else 'last' */
  attribution?: 'first' | 'last';
}

/** Options with their defaults filled in. */
export type ResolvedVouchOptions = Required<Omit<VouchOptions, 'config'>> & {
  config: SiteBasics | undefined;
};

// A sample of the shape, enough to catch a missing or wrong value without listing it all.
const PLATFORM_FUNCTIONS = ['fetch', 'location', 'now', 'randomId', 'setTimeout', 'onPageHide'];

const platformCheck: Check<Platform> = (value, path, issues) => {
  const record = (typeof value === 'object' && value) as Record<string, unknown> | false;
  if (!record || PLATFORM_FUNCTIONS.some((name) => typeof record[name] !== 'function')) {
    issues.push({
      path,
      message: 'must be a Platform, such as createBrowserPlatform() from @vouch/core/browser',
    });
  }
};

type ClientBasics = Omit<SiteBasics, 'theme' | 'name' | 'nps'>;

/** The server's base URL: an absolute http(s) URL without query or fragment. */
export const endpointCheck: Check<string> = (value, path, issues) => {
  httpUrlCheck(value, path, issues);
  if (typeof value === 'string' && /[?#]/.test(value)) {
    issues.push({ path, message: 'must be the server URL, without query or fragment' });
  }
};

const optionsCheck = object<VouchOptions>(
  {
    site: publicKeyCheck,
    endpoint: endpointCheck,
    platform: platformCheck,
    // The fields the client uses at once. The rest is checked in full where `siteConfig()`
    // serves it, so that the referral-program checks stay off the first paint.
    config: optional(
      object<ClientBasics>(
        {
          consentRequired: booleanCheck,
          attributionDays: attributionDaysCheck,
          attribution: attributionCheck,
        },
        false,
      ) as Check<SiteBasics>,
    ),
    consentRequired: optional(booleanCheck),
    attributionDays: optional(attributionDaysCheck),
    attribution: optional(attributionCheck),
  },
  false,
);

/** Validates `options` and fills in defaults; throws a `TypeError` naming every bad field. */
export function resolveVouchOptions(options: VouchOptions): ResolvedVouchOptions {
  const result = validate(optionsCheck, options);
  if (!result.ok) {
    throw new TypeError(`[vouch] createVouch: invalid options: ${formatIssues(result.issues)}`);
  }
  return withVouchDefaults(result.value);
}

/**
 * Fills in the defaults of options already checked (by {@link resolveVouchOptions}, or by
 * the script tag's runtime, which checks only what the page gave it: the site key and the
 * endpoint), and trims the endpoint's trailing slashes. Checks nothing itself.
 */
export function withVouchDefaults(options: VouchOptions): ResolvedVouchOptions {
  const { config } = options;
  return {
    consentRequired: config?.consentRequired ?? false,
    attributionDays: config?.attributionDays ?? 30,
    attribution: config?.attribution ?? 'last',
    ...options,
    config,
    endpoint: options.endpoint.replace(/\/+$/, ''),
  };
}
