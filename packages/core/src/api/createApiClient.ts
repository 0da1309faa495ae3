import type { ConsentStorage } from '../createConsentStorage.js';
import type { Emitter } from '../createEmitter.js';
import { formatIssues } from '../formatIssues.js';
import { validate } from '../guards/check.js';
import type { SiteBasics } from '../guards/siteBasicsCheck.js';
import { siteConfigCheck } from '../guards/siteConfigCheck.js';
import { productIdCheck } from '../guards/testimonialChecks.js';
import { referralCodeCheck } from '../guards/wireChecks.js';
import type { Reviews } from '../reviews/createReviews.js';
import type { Identity } from '../schemas/identity.js';
import type { ReferralLanding } from '../schemas/referrals.js';
import type { SiteConfig } from '../schemas/site.js';
import { HttpError } from '../transportErrors.js';
import type { VouchEventMap } from '../VouchEventMap.js';
import {
  type ApiTarget,
  getLanding,
  getRating,
  getSiteConfig,
  getTestimonials,
  postCouponClaim,
  postReferral,
  postShare,
} from './apiRequests.js';
import { type Api, REVIEWS_KEY } from './createApi.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions extends ApiTarget {
  /**
   * Settings already read (the script tag reads them before the client exists), checked
   * only for what the client needed at once: served once they pass `siteConfigCheck`.
   */
  config?: SiteBasics | undefined;
  /** The identified customer, or null. */
  identity(): Identity | null;
  visitor(): string;
  /** The kept referral code, or null. */
  referral(): string | null;
  /** The client's consent-aware storage: testimonials wait there for the server. */
  storage: ConsentStorage;
  /** Where a kept testimonial refused later is told (`error`). */
  emitter: Emitter<VouchEventMap>;
}

/**
 * The client's API calls. The site config and each landing are read once per client; a
 * failure is not kept, so a later call asks again. The testimonial calls load their own
 * code (the queue that keeps them offline) on first use, or at once when one waits.
 */
export function createApiClient(options: ApiClientOptions): Api & { destroy(): void } {
  let reviews: Promise<Reviews> | null = null;
  const loadReviews = () =>
    (reviews ??= import('../reviews/createReviews.js').then(
      (module) => module.createReviews(options, REVIEWS_KEY),
      (error: unknown) => {
        reviews = null;
        throw error;
      },
    ));
  if (options.storage.get(REVIEWS_KEY, () => {})) loadReviews().catch(() => undefined);
  let given = options.config;
  let config: Promise<SiteConfig> | null = null;
  const landings = new Map<string, Promise<ReferralLanding | null>>();
  const remember = <T>(promise: Promise<T>, forget: () => void) => {
    promise.catch(forget);
    return promise;
  };
  // The given settings are served once they pass the whole check; if they do not, this
  // call fails as an unreadable answer would, and the next one asks the server.
  const checked = (value: SiteBasics): Promise<SiteConfig> => {
    given = undefined;
    const result = validate(siteConfigCheck, value);
    if (result.ok) return Promise.resolve(result.value);
    const message = `[vouch] siteConfig: invalid settings: ${formatIssues(result.issues)}`;
    return Promise.reject(new HttpError(200, message, { code: 'invalid_response' }));
  };

  return {
    siteConfig() {
      config ??= remember(given ? checked(given) : getSiteConfig(options), () => {
        config = null;
      });
      return config;
    },
    async myReferral() {
      const customer = options.identity();
      if (!customer) {
        const message = '[vouch] myReferral: nobody is identified; call identify({ id, … }) first';
        throw Object.assign(new Error(message), { code: 'not_identified' });
      }
      return postReferral(options, customer, options.visitor());
    },
    referralLanding(code) {
      const wanted = code ?? options.referral();
      if (wanted === null) return Promise.resolve(null);
      let landing = landings.get(wanted);
      if (!landing) {
        landing = remember(getLanding(options, wanted), () => landings.delete(wanted));
        landings.set(wanted, landing);
      }
      return landing;
    },
    async claimCoupon(code) {
      if (!validate(referralCodeCheck, code).ok) {
        throw new TypeError('[vouch] claimCoupon: "code" must be 4–32 letters or digits');
      }
      return postCouponClaim(options, code, options.visitor());
    },
    async rating(product) {
      if (product !== undefined && !validate(productIdCheck, product).ok) {
        throw new TypeError('[vouch] rating: "product" must be 1–128 characters without spaces');
      }
      return getRating(options, product);
    },
    async testimonials(query = {}) {
      const { product, sort, limit } = query;
      const bad =
        product !== undefined && !validate(productIdCheck, product).ok
          ? '"product" must be 1–128 characters without spaces'
          : sort !== undefined && sort !== 'newest' && sort !== 'highest'
            ? '"sort" must be "newest" or "highest"'
            : limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 50)
              ? '"limit" must be an integer from 1 to 50'
              : '';
      if (bad) throw new TypeError(`[vouch] testimonials: ${bad}`);
      return getTestimonials(options, query);
    },
    submitTestimonial: (input) => loadReviews().then((loaded) => loaded.submit(input)),
    prepareTestimonials: () => loadReviews().then(() => undefined),
    withdrawTestimonial: (withdrawal) =>
      loadReviews().then((loaded) => loaded.withdraw(withdrawal)),
    recordShare: ({ channel, url }) =>
      postShare(options, {
        id: options.platform.randomId(),
        channel,
        url,
        visitor: options.visitor(),
        customer: options.identity() ?? undefined,
      }).catch(() => null),
    destroy: () =>
      void reviews?.then(
        (loaded) => loaded.destroy(),
        () => undefined,
      ),
  };
}
