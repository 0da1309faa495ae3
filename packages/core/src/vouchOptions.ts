import * as z from 'zod/mini';
import { formatIssues } from './formatIssues.js';
import type { Platform } from './platform.js';
import { httpUrlSchema, publicKeySchema } from './schemas/primitives.js';

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

const PLATFORM_FUNCTIONS = [
  'fetch',
  'location',
  'referrer',
  'title',
  'now',
  'random',
  'randomId',
  'setTimeout',
  'clearTimeout',
  'onPageHide',
  'onOnline',
  'warn',
] as const;

const platformSchema = z.custom<Platform>(
  (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    PLATFORM_FUNCTIONS.every(
      (name) => typeof (value as Record<string, unknown>)[name] === 'function',
    ),
  'must be a Platform, such as createBrowserPlatform() from @vouch/core/browser',
);

const vouchOptionsSchema = z.object({
  site: publicKeySchema,
  endpoint: httpUrlSchema.check(
    z.refine((value) => !/[?#]/.test(value), 'must be the server URL, without query or fragment'),
  ),
  platform: platformSchema,
  consentRequired: z._default(z.boolean(), false),
  attributionDays: z._default(
    z.number().check(z.int(), z.minimum(1, 'must be 1 to 365'), z.maximum(365, 'must be 1 to 365')),
    30,
  ),
  attribution: z._default(z.enum(['first', 'last'], 'must be "first" or "last"'), 'last'),
});

/** Options with their defaults filled in. */
export type ResolvedVouchOptions = Required<VouchOptions>;

/** Validates `options`; throws a `TypeError` naming every bad field. */
export function resolveVouchOptions(options: VouchOptions): ResolvedVouchOptions {
  const result = vouchOptionsSchema.safeParse(options);
  if (!result.success) {
    throw new TypeError(
      `[vouch] createVouch: invalid options: ${formatIssues(result.error.issues)}`,
    );
  }
  return { ...result.data, endpoint: result.data.endpoint.replace(/\/+$/, '') };
}
