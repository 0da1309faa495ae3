export type { ErrorBody, ErrorIssue } from './errors.js';
export { errorBodySchema, errorIssueSchema, toErrorIssues } from './errors.js';
export type { EventBatch, EventBatchResult, EventType, VouchEvent } from './events.js';
export {
  eventBatchResultSchema,
  eventBatchSchema,
  eventSchema,
  landingEventSchema,
  MAX_EVENTS_PER_BATCH,
  pageEventSchema,
} from './events.js';
export type { Identity } from './identity.js';
export { identitySchema } from './identity.js';
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
export type { SiteConfig, Theme } from './site.js';
export { siteConfigSchema, themeSchema } from './site.js';
