import { MAX_ADMIN_PAGE, npsCategorySchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';
import { isTimeZone } from '../nps/zonedTime.js';

const date = z.iso.date('must be a date as YYYY-MM-DD');

/** The date range and zone every NPS admin route takes. */
const range = {
  /** First day counted (in `tz`), inclusive. */
  from: z.optional(date),
  /** Last day counted (in `tz`), inclusive. */
  to: z.optional(date),
  /** IANA time zone of the dates and the periods. */
  tz: z._default(
    z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
    'UTC',
  ),
};

/** Query of `GET /v1/admin/nps`. */
export const npsStatsQuerySchema = z.object({
  ...range,
  interval: z._default(z.enum(['day', 'week', 'month']), 'week'),
});
export type NpsStatsQuery = z.output<typeof npsStatsQuerySchema>;

/** Query of `GET /v1/admin/nps/responses` and of the CSV export. */
export const npsResponsesQuerySchema = z.object({
  ...range,
  category: z.optional(npsCategorySchema),
  /** `true`: only respondents who agreed to be contacted; `false`: only the others. */
  contact: z.optional(z.enum(['true', 'false'])),
  /** `true`: only answers with a comment. */
  commented: z.optional(z.enum(['true', 'false'])),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ADMIN_PAGE))),
});
export type NpsResponsesQuery = z.output<typeof npsResponsesQuerySchema>;

const count = z.number().check(z.int(), z.nonnegative());
const nullableNumber = z.nullable(z.number());

/** NPS of a period (or of the whole range) with what it was computed from. */
export const npsPeriodSchema = z.object({
  /** First day of the period in the query's zone; absent for the whole range. */
  start: z.optional(z.string()),
  /** % promoters − % detractors, −100..100, rounded to 0.1; null without answers. */
  nps: nullableNumber,
  /** Half the 95% confidence interval, in NPS points, rounded to 0.1. */
  marginOfError: nullableNumber,
  total: count,
  promoters: count,
  passives: count,
  detractors: count,
  /** Prompts closed without an answer: reported, never counted in the score. */
  dismissals: count,
  /** Prompts shown. */
  shown: count,
  /** Answers / prompts shown, 0..1; null when none was shown. */
  responseRate: nullableNumber,
});
export type NpsPeriod = z.infer<typeof npsPeriodSchema>;

/** Answer of `GET /v1/admin/nps`. */
export const npsStatsSchema = z.object({
  interval: z.enum(['day', 'week', 'month']),
  tz: z.string(),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  summary: npsPeriodSchema,
  /** Periods with any answer, prompt or dismissal, oldest first. */
  periods: z.array(npsPeriodSchema),
  /** How many answers gave each score: index 0 is score 0, index 10 is score 10. */
  distribution: z.array(count),
});
export type NpsStats = z.infer<typeof npsStatsSchema>;

/** One answer as the admin API lists it. */
export const npsAnswerRecordSchema = z.object({
  id: z.string(),
  score: count,
  category: npsCategorySchema,
  comment: z.nullable(z.string()),
  contact: z.boolean(),
  email: z.nullable(z.string()),
  customer: z.nullable(z.string()),
  visitor: z.nullable(z.string()),
  url: z.nullable(z.string()),
  at: z.string(),
});
export type NpsAnswerRecord = z.infer<typeof npsAnswerRecordSchema>;
