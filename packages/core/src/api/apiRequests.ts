import {
  couponClaimResultCheck,
  referralCheck,
  referralLandingCheck,
  rewardViewCheck,
} from '../guards/answerChecks.js';
import { object, optional, validate } from '../guards/check.js';
import { siteConfigCheck } from '../guards/siteConfigCheck.js';
import { ratingSummaryCheck, testimonialPageCheck } from '../guards/testimonialChecks.js';
import { booleanCheck, referralCodeCheck } from '../guards/wireChecks.js';
import type { Platform } from '../platform.js';
import type { Identity } from '../schemas/identity.js';
import type { Referral, ReferralLanding } from '../schemas/referrals.js';
import type { ShareRequest, ShareResult } from '../schemas/shareProgram.js';
import type { SiteConfig } from '../schemas/site.js';
import type { RatingSummary, TestimonialPage } from '../schemas/testimonials.js';
import { isHttpError } from '../transportErrors.js';
import type { TestimonialQuery } from './createApi.js';
import { requestJson } from './requestJson.js';

// The client's calls to the vouch API other than events and conversions, loaded on first
// use. Every answer is validated with the lean twin of its schema.

/** Where the API is and whose site is asking. */
export interface ApiTarget {
  platform: Platform;
  /** The server, without a trailing slash. */
  endpoint: string;
  /** The site's public key. */
  site: string;
}

/** `GET /v1/sites/:site/config`. */
export function getSiteConfig({ platform, endpoint, site }: ApiTarget): Promise<SiteConfig> {
  return requestJson(
    platform,
    `${endpoint}/v1/sites/${encodeURIComponent(site)}/config`,
    siteConfigCheck,
  );
}

/** `POST /v1/referrals`: the code and link of `customer`, created on first call. */
export function postReferral(
  { platform, endpoint, site }: ApiTarget,
  customer: Identity,
  visitor: string,
): Promise<Referral> {
  return requestJson(platform, `${endpoint}/v1/referrals`, referralCheck, {
    body: JSON.stringify({ site, customer, visitor }),
  });
}

/**
 * `GET /v1/referrals/:code`: what a landing page may show, or null for a code that is
 * malformed or unknown (404). The site goes in the query, so the request stays CORS-simple.
 */
export async function getLanding(
  { platform, endpoint, site }: ApiTarget,
  code: string,
): Promise<ReferralLanding | null> {
  if (!validate(referralCodeCheck, code).ok) return null;
  try {
    return await requestJson(
      platform,
      `${endpoint}/v1/referrals/${code}?site=${encodeURIComponent(site)}`,
      referralLandingCheck,
    );
  } catch (error) {
    if (isHttpError(error) && error.status === 404) return null;
    throw error;
  }
}

/** `POST /v1/referrals/:code/coupon`: the friend's coupon for `visitor`. */
export async function postCouponClaim(
  { platform, endpoint, site }: ApiTarget,
  code: string,
  visitor: string,
): Promise<string> {
  const answer = await requestJson(
    platform,
    `${endpoint}/v1/referrals/${code}/coupon`,
    couponClaimResultCheck,
    { body: JSON.stringify({ site, visitor }) },
  );
  return answer.coupon;
}

/** `GET /v1/sites/:site/rating`, of `product` or of the whole site. */
export function getRating(
  { platform, endpoint, site }: ApiTarget,
  product: string | undefined,
): Promise<RatingSummary> {
  const query = product === undefined ? '' : `?product=${encodeURIComponent(product)}`;
  return requestJson(
    platform,
    `${endpoint}/v1/sites/${encodeURIComponent(site)}/rating${query}`,
    ratingSummaryCheck,
  );
}

/**
 * `GET /v1/sites/:site/testimonials`: a page of approved testimonials. Only the four
 * known fields go in the query string, and only those given.
 */
export function getTestimonials(
  { platform, endpoint, site }: ApiTarget,
  query: TestimonialQuery,
): Promise<TestimonialPage> {
  const search = new URLSearchParams();
  for (const name of ['product', 'sort', 'limit', 'cursor'] as const) {
    const value = query[name];
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return requestJson(
    platform,
    `${endpoint}/v1/sites/${encodeURIComponent(site)}/testimonials${text ? `?${text}` : ''}`,
    testimonialPageCheck,
  );
}

/** Twin of `shareResultSchema`, here: only this call reads it. */
const shareResultCheck = object<ShareResult>(
  { recorded: booleanCheck, reward: optional(rewardViewCheck) },
  false,
);

/** `POST /v1/shares`: a share happened (idempotent by `share.id`). */
export function postShare(
  { platform, endpoint, site }: ApiTarget,
  share: Omit<ShareRequest, 'site'>,
): Promise<ShareResult> {
  return requestJson(platform, `${endpoint}/v1/shares`, shareResultCheck, {
    body: JSON.stringify({ site, ...share }),
  });
}
