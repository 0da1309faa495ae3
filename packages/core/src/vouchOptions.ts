import { formatIssues } from './formatIssues.js';
import { type Check, num, object, oneOf, optional, validate } from './guards/check.js';
import { booleanCheck, httpUrlCheck, publicKeyCheck } from './guards/wireChecks.js';
import type { Platform } from './platform.js';
import type { SiteConfig } from './schemas/site.js';

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
   * prime `siteConfig()` and give the defaults of the three options below.
   */
  config?: SiteConfig;
  /** Whether nothing may be stored before `consent(true)`. @default config's, else false */
  consentRequired?: boolean;
  /** Days a referral landing counts for attribution. @default config's, else 30 */
  attributionDays?: number;
  /** Which landing a later conversion credits when several codes were seen. @default config's, else 'last' */
  attribution?: 'first' | 'last';
}

/** Options with their defaults filled in. */
export type ResolvedVouchOptions = Required<Omit<VouchOptions, 'config'>> & {
  config: SiteConfig | undefined;
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

const days = num(1, 365, true, 'must be 1 to 365');
const attribution = oneOf(['first', 'last'], 'must be "first" or "last"');

const optionsCheck = object<VouchOptions>(
  {
    site: publicKeyCheck,
    endpoint: (value, path, issues) => {
      httpUrlCheck(value, path, issues);
      if (typeof value === 'string' && /[?#]/.test(value)) {
        issues.push({ path, message: 'must be the server URL, without query or fragment' });
      }
    },
    platform: platformCheck,
    // The fields the client uses. A config normally comes from a request the caller has
    // validated already (the script tag checks it with siteConfigCheck); checking all of it
    // again would put the referral-program checks before the first paint for nothing.
    config: optional(
      object<Pick<SiteConfig, 'consentRequired' | 'attributionDays' | 'attribution'>>(
        { consentRequired: booleanCheck, attributionDays: days, attribution },
        false,
      ) as Check<SiteConfig>,
    ),
    consentRequired: optional(booleanCheck),
    attributionDays: optional(days),
    attribution: optional(attribution),
  },
  false,
);

/** Validates `options` and fills in defaults; throws a `TypeError` naming every bad field. */
export function resolveVouchOptions(options: VouchOptions): ResolvedVouchOptions {
  const result = validate(optionsCheck, options);
  if (!result.ok) {
    throw new TypeError(`[vouch] createVouch: invalid options: ${formatIssues(result.issues)}`);
  }
  const { config } = result.value;
  return {
    consentRequired: config?.consentRequired ?? false,
    attributionDays: config?.attributionDays ?? 30,
    attribution: config?.attribution ?? 'last',
    ...result.value,
    config,
    endpoint: options.endpoint.replace(/\/+$/, ''),
  };
}
