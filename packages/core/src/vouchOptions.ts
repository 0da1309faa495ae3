import { formatIssues } from './formatIssues.js';
import { type Check, num, object, oneOf, optional, validate } from './guards/check.js';
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
  /** Whether nothing may be stored before `consent(true)`. @default false */
  consentRequired?: boolean;
  /** Days a referral landing counts for attribution. @default 30 */
  attributionDays?: number;
  /** Which landing a later conversion credits when several codes were seen. @default 'last' */
  attribution?: 'first' | 'last';
}

/** Options with their defaults filled in. */
export type ResolvedVouchOptions = Required<VouchOptions>;

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
    consentRequired: optional(booleanCheck),
    attributionDays: optional(num(1, 365, true, 'must be 1 to 365')),
    attribution: optional(oneOf(['first', 'last'], 'must be "first" or "last"')),
  },
  false,
);

/** Validates `options` and fills in defaults; throws a `TypeError` naming every bad field. */
export function resolveVouchOptions(options: VouchOptions): ResolvedVouchOptions {
  const result = validate(optionsCheck, options);
  if (!result.ok) {
    throw new TypeError(`[vouch] createVouch: invalid options: ${formatIssues(result.issues)}`);
  }
  return {
    consentRequired: false,
    attributionDays: 30,
    attribution: 'last',
    ...result.value,
    endpoint: options.endpoint.replace(/\/+$/, ''),
  };
}
