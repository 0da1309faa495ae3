import * as z from 'zod/mini';
import { isTimeZone } from '../nps/zonedTime.js';

const date = z.iso.date('must be a date as YYYY-MM-DD');

/** Query of `GET /v1/admin/shares/report`: days in a zone, either end open. */
export const shareReportQuerySchema = z.strictObject({
  /** First day counted (in `tz`), inclusive. */
  from: z.optional(date),
  /** Last day counted (in `tz`), inclusive. */
  to: z.optional(date),
  /** IANA time zone of the dates. */
  tz: z._default(
    z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
    'UTC',
  ),
});
export type ShareReportQuery = z.output<typeof shareReportQuerySchema>;
