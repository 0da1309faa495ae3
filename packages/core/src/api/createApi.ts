import type { Referral, ReferralLanding } from '../schemas/referrals.js';
import type { SiteConfig } from '../schemas/site.js';
import type { ApiClientOptions } from './createApiClient.js';

/** The client's reads and writes of site and referral data; see `VouchClient`. */
export interface Api {
  siteConfig(): Promise<SiteConfig>;
  myReferral(): Promise<Referral>;
  referralLanding(code?: string): Promise<ReferralLanding | null>;
  claimCoupon(code: string): Promise<string>;
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
  return {
    siteConfig: () => load().then((api) => api.siteConfig()),
    myReferral: () => load().then((api) => api.myReferral()),
    referralLanding: (code) => load().then((api) => api.referralLanding(code)),
    claimCoupon: (code) => load().then((api) => api.claimCoupon(code)),
  };
}
