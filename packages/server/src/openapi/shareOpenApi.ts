import {
  shareProgramSchema,
  shareReportSchema,
  shareRequestSchema,
  shareResultSchema,
  shareVisitRequestSchema,
  shareVisitResultSchema,
} from '@vouch/core/schemas';
import { shareProgramSettingsSchema } from '../schemas/shareProgramSettingsSchema.js';
import { shareReportQuerySchema } from '../schemas/shareReportQuerySchema.js';
import { SHARE_REWARD_WARNING } from '../shareProgram/checkShareProgram.js';
import { error, type JsonObject, json, ref, schemaOf, siteKeyHeader, use } from './openApiParts.js';
import { admin, adminErrors, body, browserErrors, ok, queryParameters } from './referralOpenApi.js';

/** The sharing routes, for the API document's `paths`. */
export function sharePaths(): JsonObject {
  return {
    '/v1/shares': {
      post: {
        summary: 'Record a share, idempotent by id',
        description:
          'The same id again changes nothing and gets the same answer. With `rewardOn: ' +
          '"share"` an identified `customer` earns the campaign reward once per campaign ' +
          '(403 `identity_not_verified` when the site verifies identities and the hash is ' +
          "wrong). `reward` is the sharer's reward of the current campaign once granted, " +
          'with its coupon for a verified identity.',
        parameters: [siteKeyHeader],
        requestBody: body('ShareRequest'),
        responses: {
          200: ok('Recorded', 'ShareResult'),
          ...browserErrors,
          403: error('A foreign origin, or an identity the site requires verified and is not.'),
        },
      },
    },
    '/v1/shares/visits': {
      post: {
        summary: 'A friend opened a shared link',
        description:
          'Counted once per code and browser while the share program is on; a browser the ' +
          "code's owner was identified on or shared from is not counted. With `rewardOn: " +
          '"visit"` the first counted friend grants the owner the campaign reward, once per ' +
          'customer and campaign. An unknown code is not counted.',
        parameters: [siteKeyHeader],
        requestBody: body('ShareVisitRequest'),
        responses: { 200: ok('Whether it counts', 'ShareVisitResult'), ...browserErrors },
      },
    },
    '/v1/admin/share-program': {
      get: {
        ...admin,
        summary: "The site's share program as set, with warnings",
        responses: {
          200: {
            description: 'The program (null when none) and what may keep it from working',
            content: json(ref('ShareProgramSettings')),
          },
          401: use('Unauthorized'),
          500: use('Internal'),
        },
      },
      put: {
        ...admin,
        summary: "Set the site's share program, whole",
        description:
          '`visit` and `share` need a `reward` (a discount needs a coupon source, store ' +
          "credit none); `purchase` pays the referral program's reward and takes none. " +
          `\`rewardOn: "share"\` is accepted with a warning: it ${SHARE_REWARD_WARNING}.`,
        requestBody: { required: true, content: json(ref('ShareProgram')) },
        responses: {
          200: {
            description: 'Stored; the program and its warnings',
            content: json(ref('ShareProgramSettings')),
          },
          ...adminErrors,
          413: use('BodyTooLarge'),
        },
      },
    },
    '/v1/admin/shares/report': {
      get: {
        ...admin,
        summary: "Shares, friends' visits and their purchases per channel, with totals",
        description:
          'Days are in `tz` (default UTC), `from` and `to` inclusive. Visits are distinct ' +
          'browsers; a purchase is an order credited to a code by a friend whose visit came ' +
          'through the channel.',
        parameters: queryParameters(shareReportQuerySchema),
        responses: { 200: ok('The report', 'ShareReport'), ...adminErrors },
      },
    },
  };
}

/** The schemas {@link sharePaths} refers to, for the document's components. */
export function shareSchemas(): JsonObject {
  return {
    ShareProgram: schemaOf(shareProgramSchema, 'input'),
    ShareProgramSettings: schemaOf(shareProgramSettingsSchema, 'output'),
    ShareRequest: schemaOf(shareRequestSchema, 'input'),
    ShareResult: schemaOf(shareResultSchema, 'output'),
    ShareVisitRequest: schemaOf(shareVisitRequestSchema, 'input'),
    ShareVisitResult: schemaOf(shareVisitResultSchema, 'output'),
    ShareReport: schemaOf(shareReportSchema, 'output'),
  };
}
