import { npsRequestSchema, npsResultSchema } from '@vouch/core/schemas';
import * as z from 'zod/mini';
import {
  npsAnswerRecordSchema,
  npsResponsesQuerySchema,
  npsStatsQuerySchema,
  npsStatsSchema,
} from '../schemas/npsAdminSchemas.js';
import { error, type JsonObject, schemaOf, siteKeyHeader } from './openApiParts.js';
import { admin, adminErrors, body, browserErrors, ok, queryParameters } from './referralOpenApi.js';

/** The NPS routes, for the API document's `paths`. */
export function npsPaths(): JsonObject {
  return {
    '/v1/nps': {
      post: {
        summary: 'Record an answer to the NPS prompt, idempotent by id',
        description:
          'The id is the prompt id its `nps_shown` event carried. The same id again with ' +
          'the same score is the same answer (`stored: false`); with another score it is ' +
          '409 `nps_conflict`. A score outside 0–10, a comment over 2,000 characters ' +
          '(trimmed) or an `email` without `contact: true` is 400 naming the field. ' +
          "`contact` is a respondent's consent to be contacted, stored with the answer.",
        parameters: [siteKeyHeader],
        requestBody: body('NpsRequest'),
        responses: {
          200: ok('The answer, with its category', 'NpsResult'),
          ...browserErrors,
          409: error('The id was stored with another score (`nps_conflict`).'),
        },
      },
    },
    '/v1/admin/nps': {
      get: {
        ...admin,
        summary: 'NPS per day, week or month with its 95% margin, response rate and scores',
        description:
          'Days are in `tz` (default UTC), `from` and `to` inclusive. Dismissals are ' +
          'reported beside the score, never counted in it; the response rate is answers / ' +
          'prompts shown (`nps_shown` events).',
        parameters: queryParameters(npsStatsQuerySchema),
        responses: { 200: ok('The statistics', 'NpsStats'), ...adminErrors },
      },
    },
    '/v1/admin/nps/responses': {
      get: {
        ...admin,
        summary: 'Answers, newest first, by category, consent to be contacted and comment',
        parameters: queryParameters(npsResponsesQuerySchema),
        responses: { 200: ok('The answers', 'NpsAnswers'), ...adminErrors },
      },
    },
    '/v1/admin/nps/responses.csv': {
      get: {
        ...admin,
        summary: 'The same answers as CSV (every one unless `limit` is given)',
        description:
          "RFC 4180 with a header line; a cell starting with = + - @ is prefixed with `'` " +
          'so that spreadsheets do not run it as a formula.',
        parameters: queryParameters(npsResponsesQuerySchema),
        responses: {
          200: {
            description: 'The CSV file',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...adminErrors,
        },
      },
    },
  };
}

/** The schemas {@link npsPaths} refers to, for the document's components. */
export function npsSchemas(): JsonObject {
  return {
    NpsRequest: schemaOf(npsRequestSchema, 'input'),
    NpsResult: schemaOf(npsResultSchema, 'output'),
    NpsStats: schemaOf(npsStatsSchema, 'output'),
    NpsAnswers: schemaOf(z.object({ items: z.array(npsAnswerRecordSchema) }), 'output'),
  };
}
