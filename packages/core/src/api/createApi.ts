import type {
  TestimonialSubmission,
  TestimonialSubmitInput,
  TestimonialWithdrawal,
} from '../reviews/createReviews.js';
import type { Referral, ReferralLanding } from '../schemas/referrals.js';
import type { ShareProgramChannel, ShareResult } from '../schemas/shareProgram.js';
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

/** What {@link Api.recordShare} records. */
export interface ShareInput {
  /** Where the shopper shared: a channel of `shareUrl`, `native` or `copy`. */
  channel: ShareProgramChannel;
  /** The link shared (an absolute http(s) URL, usually from `shareLink`). */
  url?: string | undefined;
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
  /**
   * `POST /v1/testimonials`: sends a testimonial for moderation, with the visitor, the
   * identified customer and the page. Resolves to the server's answer (`status:
   * 'pending'`; `withdrawToken`, in the first answer only, for `withdrawTestimonial`), or
   * to `status: 'queued'` when the server could not be reached: the testimonial is kept
   * (persisted only where storage consent allows) and sent when the browser is back online
   * or on a later page, never stored twice (idempotent by `id`). Rejects, keeping nothing,
   * with an error whose `issues` name each bad field: a `TypeError` from the client's own
   * check, or the server's 400 (`HttpError`); neither is retried.
   */
  submitTestimonial(input: TestimonialSubmitInput): Promise<TestimonialSubmission>;
  /**
   * Loads the code that sends and keeps testimonials, sending nothing: a form calls it
   * when shown, so that a review written after the connection dropped is still kept and
   * sent later (that code could not be fetched then). Rejects when it cannot load.
   */
  prepareTestimonials(): Promise<void>;
  /**
   * `POST /v1/testimonials/:id/withdraw`: withdraws the author's consent with the token of
   * the first answer; the testimonial disappears from every public read at once.
   */
  withdrawTestimonial(withdrawal: TestimonialWithdrawal): Promise<{ id: string; withdrawn: true }>;
  /**
   * `POST /v1/shares`: records that the shopper shared (a new id each call), with the
   * visitor and the identified customer, so that a share reward can be theirs. Resolves to
   * the server's answer (`reward`: the sharer's reward of the campaign, once granted), or
   * to null when the share could not be recorded. Never rejects: it may be left unawaited.
   */
  recordShare(share: ShareInput): Promise<ShareResult | null>;
}

/** Where the client keeps the testimonials waiting for the server (see `createReviews`). */
export const REVIEWS_KEY = 'reviews';

/**
 * The API calls of the client, as stubs that load their code on first use: none of it
 * is needed before a widget paints. A failed load is not kept, so a later call retries.
 */
export function createApi(options: ApiClientOptions): Api & { destroy(): void } {
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
  // A testimonial kept from an earlier page (checked once loaded): load what sends it.
  if (options.storage.get(REVIEWS_KEY, () => {})) load().catch(() => undefined);
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
    submitTestimonial: stub('submitTestimonial'),
    prepareTestimonials: stub('prepareTestimonials'),
    withdrawTestimonial: stub('withdrawTestimonial'),
    // Even when its code cannot load, a share is never an error for the page.
    recordShare: (share: ShareInput) => stub('recordShare')(share).catch(() => null),
    // Stops the sending of kept testimonials, if it started.
    destroy: () =>
      void client?.then(
        (api) => (api as Api & { destroy(): void }).destroy(),
        () => undefined,
      ),
  } as Api & { destroy(): void };
}
