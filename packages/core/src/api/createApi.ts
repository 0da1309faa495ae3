import type { Referral, ReferralLanding } from '../schemas/referrals.js';
import type { SiteConfig } from '../schemas/site.js';
import type { RatingSummary, TestimonialPage } from '../schemas/testimonials.js';
import type { ApiClientOptions } from './createApiClient.js';

/** What {@link Api.testimonials} asks for; every field is optional. */
export interface TestimonialQuery {
  /** Only the testimonials about this product. @default every product of the site */
  product?: string | undefined;
  /** `newest` first, or `highest` rating first (newest first among equals). @default 'newest' */
  sort?: 'newest' | 'highest' | undefined;
  /** How many to a page, 1–50. @default the server's (10) */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page, for the page after it. */
  cursor?: string | undefined;
}

/** The client's reads and writes of site and referral data; see `VouchClient`. */
export interface Api {
  siteConfig(): Promise<SiteConfig>;
  myReferral(): Promise<Referral>;
  referralLanding(code?: string): Promise<ReferralLanding | null>;
  claimCoupon(code: string): Promise<string>;
  /**
   * `GET /v1/sites/:site/rating`: the average and count of the approved reviews, of
   * `product` or of the whole site (every approved review counts, whatever its rating).
   * Rejects with a `TypeError` naming a bad product id.
   */
  rating(product?: string): Promise<RatingSummary>;
  /**
   * `GET /v1/sites/:site/testimonials`: a page of the approved testimonials, of one
   * product or of the whole site; `nextCursor` of the answer asks for the next page, and
   * is null at the end. There is no filter by rating: every approved testimonial is shown.
   * Rejects with a `TypeError` naming a bad product id, sort or limit.
   */
  testimonials(query?: TestimonialQuery): Promise<TestimonialPage>;
}

/**
 * The API calls of the client, as stubs that load their code on first use: none of it
 * is needed before a widget paints. A failed load is not kept, so a later call retries.
 */
export function createApi(options: ApiClientOptions): Api {
  let client: Promise<Api> | null = null;
  const load = () => {
    client ??= import('./createApiClient.js').then(
      (module) => module.createApiClient(options),
      (error: unknown) => {
        client = null;
        throw error;
      },
    );
    return client;
  };
  // One stub per method, by name: each is the loaded method, called with the same arguments.
  const stub =
    <Name extends keyof Api>(name: Name) =>
    (...args: Parameters<Api[Name]>) =>
      load().then((api) => (api[name] as (...a: Parameters<Api[Name]>) => unknown)(...args));
  return {
    siteConfig: stub('siteConfig'),
    myReferral: stub('myReferral'),
    referralLanding: stub('referralLanding'),
    claimCoupon: stub('claimCoupon'),
    rating: stub('rating'),
    testimonials: stub('testimonials'),
  } as Api;
}
