import { validate } from '../guards/check.js';
import { referralCodeCheck } from '../guards/wireChecks.js';
import type { Identity } from '../schemas/identity.js';
import type { ReferralLanding } from '../schemas/referrals.js';
import type { SiteConfig } from '../schemas/site.js';
import {
  type ApiTarget,
  getLanding,
  getSiteConfig,
  postCouponClaim,
  postReferral,
} from './apiRequests.js';
import type { Api } from './createApi.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions extends ApiTarget {
  /** Settings already read (the script tag reads them before the client exists). */
  config?: SiteConfig | undefined;
  /** The identified customer, or null. */
  identity(): Identity | null;
  visitor(): string;
  /** The kept referral code, or null. */
  referral(): string | null;
}

/**
 * The client's API calls. The site config and each landing are read once per client; a
 * failure is not kept, so a later call asks again.
 */
export function createApiClient(options: ApiClientOptions): Api {
  let config: Promise<SiteConfig> | null = options.config ? Promise.resolve(options.config) : null;
  const landings = new Map<string, Promise<ReferralLanding | null>>();
  const remember = <T>(promise: Promise<T>, forget: () => void) => {
    promise.catch(forget);
    return promise;
  };

  return {
    siteConfig() {
      config ??= remember(getSiteConfig(options), () => {
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
  };
}
