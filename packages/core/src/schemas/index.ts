export type {
  ConversionInput,
  ConversionRequest,
  ConversionResult,
  FraudReason,
} from './conversions.js';
export {
  conversionInputSchema,
  conversionRequestSchema,
  conversionResultSchema,
  fraudReasonSchema,
  orderIdSchema,
} from './conversions.js';
export type { ErrorBody, ErrorIssue } from './errors.js';
export { errorBodySchema, errorIssueSchema, toErrorIssues } from './errors.js';
export type { EventBatch, EventBatchResult, EventType, VouchEvent } from './events.js';
export {
  eventBatchResultSchema,
  eventBatchSchema,
  eventSchema,
  landingEventSchema,
  MAX_EVENTS_PER_BATCH,
  npsDismissedEventSchema,
  npsShownEventSchema,
  pageEventSchema,
} from './events.js';
export type { Identity } from './identity.js';
export { identitySchema } from './identity.js';
export {
  amountSchema,
  CURRENCIES,
  currencyDecimals,
  currencySchema,
  fromMinor,
  MAX_AMOUNT,
  moneyIssue,
  toMinor,
} from './money.js';
export type { NpsRequest, NpsResult } from './nps.js';
export {
  MAX_NPS_COMMENT,
  npsCategorySchema,
  npsCommentSchema,
  npsRequestSchema,
  npsResultSchema,
  npsScoreSchema,
} from './nps.js';
export { npsRulesSchema } from './npsRules.js';
export type { PublicKey } from './primitives.js';
export {
  customerIdSchema,
  eventIdSchema,
  httpUrlSchema,
  isoTimeSchema,
  originSchema,
  publicKeySchema,
  referralCodeSchema,
  visitorIdSchema,
} from './primitives.js';
export type {
  AdminCustomer,
  Advocate,
  ConversionRecord,
  ConversionStatus,
  ReferralRecord,
  RefundResult,
  RewardRecord,
  RewardStatus,
} from './referralAdmin.js';
export {
  adminCustomerSchema,
  adminPageSchema,
  advocateListQuerySchema,
  advocateSchema,
  conversionListQuerySchema,
  conversionRecordSchema,
  conversionStatusSchema,
  MAX_ADMIN_PAGE,
  orderIdParamSchema,
  referralListQuerySchema,
  referralRecordSchema,
  refundResultSchema,
  rewardIdParamSchema,
  rewardListQuerySchema,
  rewardReasonSchema,
  rewardRecordSchema,
  rewardStatusSchema,
} from './referralAdmin.js';
export type {
  CouponSource,
  FraudRules,
  Offer,
  PublicReferralProgram,
  Referral,
  ReferralLanding,
  ReferralProgram,
  ReferralRequest,
  RewardRule,
  RewardValue,
  RewardView,
} from './referrals.js';
export {
  couponClaimResultSchema,
  couponClaimSchema,
  couponCodeSchema,
  couponPoolSchema,
  couponSourceSchema,
  fraudRulesSchema,
  offerSchema,
  publicReferralProgramSchema,
  referralCodeParamSchema,
  referralLandingSchema,
  referralProgramSchema,
  referralRequestSchema,
  referralSchema,
  rewardRuleSchema,
  rewardValueSchema,
  rewardViewSchema,
} from './referrals.js';
export type {
  PublicShareProgram,
  ShareProgram,
  ShareProgramChannel,
  ShareReport,
  ShareRequest,
  ShareResult,
  ShareRewardOn,
  ShareVisitRequest,
  ShareVisitResult,
} from './shareProgram.js';
export {
  MAX_SHARE_TEXT,
  publicShareProgramSchema,
  SHARE_PROGRAM_CHANNELS,
  shareCampaignSchema,
  shareChannelReportSchema,
  shareProgramChannelSchema,
  shareProgramSchema,
  shareReportSchema,
  shareRequestSchema,
  shareResultSchema,
  shareRewardOnSchema,
  shareVisitRequestSchema,
  shareVisitResultSchema,
} from './shareProgram.js';
export type { SiteConfig, Theme } from './site.js';
export { siteConfigSchema, themeSchema } from './site.js';
export type {
  PublicTestimonial,
  RatingHistogram,
  RatingSummary,
  TestimonialInput,
  TestimonialPage,
} from './testimonials.js';
export {
  authorNameSchema,
  consentVersionSchema,
  httpsUrlSchema,
  MAX_AUTHOR_NAME,
  MAX_HONEYPOT,
  MAX_TESTIMONIAL_BODY,
  MAX_TESTIMONIAL_TITLE,
  MIN_TESTIMONIAL_BODY,
  productIdSchema,
  publicTestimonialSchema,
  ratingHistogramSchema,
  ratingSummarySchema,
  starRatingSchema,
  testimonialBodySchema,
  testimonialInputSchema,
  testimonialPageSchema,
  testimonialTitleSchema,
} from './testimonials.js';
