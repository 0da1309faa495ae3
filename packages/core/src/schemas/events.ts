import * as z from 'zod/mini';
import { npsScoreSchema } from './nps.js';
import {
  customerIdSchema,
  eventIdSchema,
  httpUrlSchema,
  isoTimeSchema,
  publicKeySchema,
  referralCodeSchema,
  visitorIdSchema,
} from './primitives.js';

/** Fields every event carries. `id` makes the event idempotent. */
const eventBase = {
  /** Idempotency id: an event sent twice is stored once. */
  id: eventIdSchema,
  /** When it happened, on the client's clock. */
  at: isoTimeSchema,
  /** Anonymous per-browser id, present once storage is allowed. */
  visitor: z.optional(visitorIdSchema),
  /** The merchant's id for an identified customer. */
  customer: z.optional(customerIdSchema),
};

/** A page view. */
export const pageEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('page'),
  url: httpUrlSchema,
  referrer: z.optional(z.union([httpUrlSchema, z.literal('')])),
  title: z.optional(z.string().check(z.maxLength(300))),
});

/** A visit that arrived through a referral link (`?ref=CODE`). Recorded once per code. */
export const landingEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('landing'),
  url: httpUrlSchema,
  ref: referralCodeSchema,
});

/** The NPS prompt was shown; `prompt` is the id its answer (`POST /v1/nps`) will carry. */
export const npsShownEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('nps_shown'),
  prompt: eventIdSchema,
});

/** The NPS prompt was closed without an answer; `score` if one was picked but not sent. */
export const npsDismissedEventSchema = z.strictObject({
  ...eventBase,
  type: z.literal('nps_dismissed'),
  prompt: eventIdSchema,
  score: z.optional(npsScoreSchema),
});

/** Every event type the server accepts. Later features add their own members. */
export const eventSchema = z.discriminatedUnion('type', [
  pageEventSchema,
  landingEventSchema,
  npsShownEventSchema,
  npsDismissedEventSchema,
]);
export type VouchEvent = z.infer<typeof eventSchema>;
export type EventType = VouchEvent['type'];

/** Most events one `POST /v1/events` may carry. */
export const MAX_EVENTS_PER_BATCH = 100;

/** Body of `POST /v1/events`. */
export const eventBatchSchema = z.strictObject({
  site: z.optional(publicKeySchema),
  events: z.array(eventSchema).check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH)),
});
export type EventBatch = z.infer<typeof eventBatchSchema>;

/** Answer to `POST /v1/events`: how many were received and how many were new. */
export const eventBatchResultSchema = z.object({
  received: z.number().check(z.int(), z.nonnegative()),
  stored: z.number().check(z.int(), z.nonnegative()),
});
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;
