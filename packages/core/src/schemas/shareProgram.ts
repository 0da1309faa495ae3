import * as z from 'zod/mini';
import { SHARE_LINK_CHANNELS } from '../links/shareLink.js';
import { identitySchema } from './identity.js';
import { eventIdSchema, httpUrlSchema, referralCodeSchema, visitorIdSchema } from './primitives.js';
import { offerSchema, rewardRuleSchema, rewardViewSchema } from './referrals.js';

/**
 * The channels a share row may offer: every network of `shareUrl`, the browser's own
 * share sheet (`native`) and copying the link (`copy`).
 */
export const SHARE_PROGRAM_CHANNELS = SHARE_LINK_CHANNELS;

/** A channel of a share program, a share or a friend's visit. */
export const shareProgramChannelSchema = z.enum(SHARE_PROGRAM_CHANNELS);
export type ShareProgramChannel = z.infer<typeof shareProgramChannelSchema>;

/** Longest share text a merchant may set: what fits in one post on the strictest network. */
export const MAX_SHARE_TEXT = 280;

/**
 * What a share earns the sharer: a friend's first visit through the link (`visit`), a
 * friend's order (`purchase`, paid by the referral program's rules), the act of sharing
 * itself (`share`, which some networks forbid), or nothing (`null`).
 */
export const shareRewardOnSchema = z.nullable(z.enum(['visit', 'purchase', 'share']));
export type ShareRewardOn = z.infer<typeof shareRewardOnSchema>;

/** A campaign id: a new one starts the "once per customer" count afresh. */
export const shareCampaignSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"'));

/** A share program as the merchant sets it (`PUT /v1/admin/share-program`). */
export const shareProgramSchema = z.strictObject({
  enabled: z.boolean(),
  /** The channels offered, in the order shown. */
  channels: z.array(shareProgramChannelSchema).check(
    z.minLength(1),
    z.maxLength(SHARE_PROGRAM_CHANNELS.length),
    z.refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
  ),
  /** The words that go with the link ("Ada recommends Lather & Leaf"). */
  text: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_SHARE_TEXT))),
  rewardOn: shareRewardOnSchema,
  /** The sharer's reward for `visit` and `share`; `purchase` pays the referral program's. */
  reward: z.optional(rewardRuleSchema),
  /** Rewards are given once per customer and campaign. */
  campaign: shareCampaignSchema,
});
export type ShareProgram = z.infer<typeof shareProgramSchema>;

/** The public face of a share program, in `GET /v1/sites/:site/config` (`share`). */
export const publicShareProgramSchema = z.object({
  channels: z.array(shareProgramChannelSchema),
  text: z.optional(z.string()),
  rewardOn: shareRewardOnSchema,
  /** What the sharer earns, in plain words; null when nothing. */
  incentive: z.nullable(offerSchema),
  campaign: shareCampaignSchema,
});
export type PublicShareProgram = z.infer<typeof publicShareProgramSchema>;

/** Body of `POST /v1/shares`: a shopper shared, idempotent by `id`. */
export const shareRequestSchema = z.strictObject({
  site: z.optional(z.string()),
  id: eventIdSchema,
  channel: shareProgramChannelSchema,
  visitor: visitorIdSchema,
  /** The sharer, when identified: a share reward needs one. */
  customer: z.optional(identitySchema),
  /** The link shared. */
  url: z.optional(httpUrlSchema),
});
export type ShareRequest = z.infer<typeof shareRequestSchema>;

/** Answer to `POST /v1/shares`: the same for the same id. */
export const shareResultSchema = z.object({
  recorded: z.boolean(),
  /** The sharer's reward of the current campaign, once granted. */
  reward: z.optional(rewardViewSchema),
});
export type ShareResult = z.infer<typeof shareResultSchema>;

/** Body of `POST /v1/shares/visits`: a friend opened a shared link. */
export const shareVisitRequestSchema = z.strictObject({
  site: z.optional(z.string()),
  code: referralCodeSchema,
  channel: shareProgramChannelSchema,
  visitor: visitorIdSchema,
});
export type ShareVisitRequest = z.infer<typeof shareVisitRequestSchema>;

/** Answer to `POST /v1/shares/visits`: whether this visit counts as a friend's. */
export const shareVisitResultSchema = z.object({ counted: z.boolean() });
export type ShareVisitResult = z.infer<typeof shareVisitResultSchema>;

const count = z.number().check(z.int(), z.nonnegative());

/** One channel's numbers in the share report. */
export const shareChannelReportSchema = z.object({
  channel: shareProgramChannelSchema,
  /** Shares recorded. */
  shares: count,
  /** Distinct friends who opened a link shared there. */
  visits: count,
  /** Orders credited to a code, by a friend whose visit came through the channel. */
  purchases: count,
});

/** Answer to `GET /v1/admin/shares/report`. */
export const shareReportSchema = z.object({
  /** The zone of the dates. */
  tz: z.string(),
  /** First day counted, or null from the start. */
  from: z.nullable(z.string()),
  /** Last day counted, or null up to now. */
  to: z.nullable(z.string()),
  /** The program's channels in its order, then any other channel with numbers. */
  channels: z.array(shareChannelReportSchema),
  totals: z.object({ shares: count, visits: count, purchases: count }),
});
export type ShareReport = z.infer<typeof shareReportSchema>;
