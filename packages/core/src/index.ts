export type { ShareInput, TestimonialQuery } from './api/createApi.js';
export type {
  ConsentState,
  ConsentStorage,
  ConsentStorageOptions,
} from './createConsentStorage.js';
export { createConsentStorage } from './createConsentStorage.js';
export type { DeferredVouch } from './createDeferredVouch.js';
export { createDeferredVouch, startDeferredVouch } from './createDeferredVouch.js';
export type { Emitter, EmitterOptions, Handler } from './createEmitter.js';
export { createEmitter } from './createEmitter.js';
export type { KeptReferral } from './createKeptReferral.js';
export type { Recorder, RecorderParts } from './createRecorder.js';
export { createRecorder } from './createRecorder.js';
export type {
  CapturedReferral,
  ReferralTracker,
  ReferralTrackerOptions,
} from './createReferralTracker.js';
export type { EventInput, Transport, TransportOptions } from './createTransport.js';
export { createTransport } from './createTransport.js';
export { createVouch } from './createVouch.js';
export { formatIssues } from './formatIssues.js';
export {
  conversionResultCheck,
  couponClaimResultCheck,
  errorBodyCheck,
  eventBatchResultCheck,
  referralCheck,
  referralLandingCheck,
  rewardViewCheck,
} from './guards/answerChecks.js';
export type { Check, Checked, CheckIssue, Validated } from './guards/check.js';
export { validate } from './guards/check.js';
export { conversionRequestCheck } from './guards/conversionRequestCheck.js';
export { eventCheck } from './guards/eventChecks.js';
export {
  amountCheck,
  conversionInputCheck,
  couponCodeCheck,
  currencyCheck,
  orderIdCheck,
} from './guards/orderChecks.js';
export {
  offerCheck,
  publicReferralProgramCheck,
  rewardValueCheck,
} from './guards/programChecks.js';
export { publicShareProgramCheck, shareProgramChannelCheck } from './guards/shareChecks.js';
export type { SiteBasics } from './guards/siteBasicsCheck.js';
export { siteBasicsCheck } from './guards/siteBasicsCheck.js';
export { siteConfigCheck } from './guards/siteConfigCheck.js';
export {
  httpsUrlCheck,
  productIdCheck,
  publicTestimonialCheck,
  ratingSummaryCheck,
  starRatingCheck,
  testimonialPageCheck,
} from './guards/testimonialChecks.js';
export {
  authorNameCheck,
  consentVersionCheck,
  testimonialBodyCheck,
  testimonialInputCheck,
  testimonialTitleCheck,
} from './guards/testimonialInputCheck.js';
export {
  httpUrlCheck,
  identityCheck,
  publicKeyCheck,
  referralCodeCheck,
} from './guards/wireChecks.js';
export type { ReferralCodeOptions } from './links/createReferralCode.js';
export { createReferralCode } from './links/createReferralCode.js';
export { describeReward } from './links/describeReward.js';
export { mastodonInstance } from './links/mastodonInstance.js';
export type { ReferralLinkOptions, ReferralLinkUtm } from './links/referralLink.js';
export { referralLink } from './links/referralLink.js';
export type { ShareLinkChannel, ShareLinkOptions } from './links/shareLink.js';
export { readShareChannel, SHARE_LINK_CHANNELS, shareLink } from './links/shareLink.js';
export type { ShareChannel, ShareContent } from './links/shareUrl.js';
export { SHARE_CHANNELS, shareUrl } from './links/shareUrl.js';
export type { NpsDismissal, NpsPageInput } from './nps/createNpsCalls.js';
export type { NpsDecision, NpsPage, NpsSkipReason } from './nps/decideNps.js';
export { decideNps, NPS_DEBUG_PARAM } from './nps/decideNps.js';
export type { VouchNps } from './nps/deferNps.js';
export { matchesUrlPattern } from './nps/matchesUrlPattern.js';
export type { NpsAnswerInput } from './nps/npsAnswerInput.js';
export type { NpsCategory } from './nps/npsCategory.js';
export { npsCategory } from './nps/npsCategory.js';
export type { NpsKeptState } from './nps/npsKeptState.js';
export {
  NPS_FRESH_STATE,
  npsKeptStateCheck,
  withNpsAnswered,
  withNpsConversion,
  withNpsDismissed,
  withNpsPageView,
  withNpsShown,
} from './nps/npsKeptState.js';
export type { NpsRules, NpsRulesInput } from './nps/npsRules.js';
export { NPS_RULE_DEFAULTS, npsRules } from './nps/npsRules.js';
export { samplingBucket } from './nps/samplingBucket.js';
export type { NpsCounts, NpsSummary, SummarizeNpsOptions } from './nps/summarizeNps.js';
export { npsMarginOfError, summarizeNps, summarizeNpsCounts } from './nps/summarizeNps.js';
export type { Platform, PlatformStorage } from './platform.js';
export { readReferral } from './readReferral.js';
export type {
  BuyerFacts,
  ConversionFacts,
  ReferrerFacts,
} from './referrals/assessConversion.js';
export { assessConversion, VELOCITY_WINDOW_MS } from './referrals/assessConversion.js';
export { DISPOSABLE_EMAIL_DOMAINS } from './referrals/disposableEmailDomains.js';
export { isDisposableEmail } from './referrals/isDisposableEmail.js';
export { matchesDomain } from './referrals/matchesDomain.js';
export { emailDomain, normalizeEmail } from './referrals/normalizeEmail.js';
export {
  bannerDismissalKey,
  convertedOfferKeys,
  couponDismissalKey,
} from './referrals/offerDismissalKeys.js';
export type {
  PlannedReward,
  PlannedRewardStatus,
  RewardPlan,
  RewardPlanInput,
  RewardReason,
  RewardSkip,
} from './referrals/planRewards.js';
export { planRewards } from './referrals/planRewards.js';
export type { RetryDelayOptions } from './retryDelay.js';
export { parseRetryAfter, retryDelay } from './retryDelay.js';
export type { RatingAggregate } from './reviews/aggregateRating.js';
export { aggregateRating, aggregateRatingCounts } from './reviews/aggregateRating.js';
export type {
  TestimonialSubmission,
  TestimonialSubmitInput,
  TestimonialWithdrawal,
} from './reviews/createReviews.js';
export type {
  AggregateRatingJsonLd,
  ProductJsonLd,
  RatingJsonLd,
  ReviewedTestimonial,
  ReviewJsonLd,
  ReviewJsonLdOptions,
  ReviewProduct,
} from './reviews/reviewJsonLd.js';
export { reviewJsonLd } from './reviews/reviewJsonLd.js';
export { serializeJsonLd } from './reviews/serializeJsonLd.js';
export * from './schemas/index.js';
export type { ShareTextOptions, ShareTextValues } from './sharing/shareText.js';
export {
  DEFAULT_SHARE_DISCLOSURE,
  DEFAULT_SHARE_TEXT,
  DEFAULT_SHARE_TEXT_WITH_OFFER,
  SHARE_TEXT_LIMIT,
  shareText,
} from './sharing/shareText.js';
export { shareTextLength } from './sharing/shareTextLength.js';
export type {
  MemoryPlatform,
  MemoryPlatformOptions,
  RecordedBeacon,
} from './testing/createMemoryPlatform.js';
export { createMemoryPlatform } from './testing/createMemoryPlatform.js';
export type { HttpErrorDetails } from './transportErrors.js';
export {
  HttpError,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  NetworkError,
  TimeoutError,
} from './transportErrors.js';
export type { VouchClient, VouchState } from './VouchClient.js';
export type { VouchEventMap, VouchEventName } from './VouchEventMap.js';
export type { ResolvedVouchOptions, VouchOptions } from './vouchOptions.js';
export { endpointCheck, withVouchDefaults } from './vouchOptions.js';
