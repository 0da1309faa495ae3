import {
  couponPoolSchema,
  errorBodySchema,
  eventBatchResultSchema,
  eventBatchSchema,
  MAX_EVENTS_PER_BATCH,
  referralProgramSchema,
  siteConfigSchema,
} from '@vouch/core/schemas';
import { adminSiteSchema } from '../schemas/adminSiteSchema.js';
import { couponImportSchema, couponPoolsSchema } from '../schemas/couponSchemas.js';
import { healthSchema } from '../schemas/healthSchema.js';
import { referralProgramSettingsSchema } from '../schemas/referralProgramSettingsSchema.js';
import { siteUpdateSchema } from '../sites/updateSite.js';
import { npsPaths, npsSchemas } from './npsOpenApi.js';
import { error, type JsonObject, json, ref, schemaOf, siteKeyHeader, use } from './openApiParts.js';
import { referralPaths, referralSchemas } from './referralOpenApi.js';
import { sharePaths, shareSchemas } from './shareOpenApi.js';
import { SERVER_READ, testimonialPaths, testimonialSchemas } from './testimonialOpenApi.js';

const script = (cache: string) => ({
  200: {
    description: `The script (${cache}); brotli or gzip when precompressed and accepted.`,
    headers: { ETag: { schema: { type: 'string' } } },
    content: { 'text/javascript': { schema: { type: 'string' } } },
  },
  304: { description: 'Not modified (If-None-Match matched the ETag).' },
  404: use('NotFound'),
});

/**
 * The API as OpenAPI 3.1, built from the same zod schemas that validate requests, so
 * the description cannot drift from what the server accepts.
 */
export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'vouch API',
      version: '1',
      description:
        'Browser calls carry a public site key (pk_…) and are accepted only from the ' +
        "site's origins, which get CORS headers; a preflight (OPTIONS) is answered for any " +
        'origin that belongs to some site. Admin calls carry `Authorization: Bearer sk_…`. ' +
        'Every error is `{ error: { code, message, issues? } }`.',
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Whether the server reaches its database',
          responses: {
            200: { description: 'Healthy', content: json(ref('Health')) },
            503: error('The database cannot be reached (`unavailable`).'),
          },
        },
      },
      '/v1/vouch.js': {
        get: { summary: 'The script-tag loader', responses: script('max-age=300') },
      },
      '/v1/widgets/{file}': {
        get: {
          summary: 'A lazily loaded widget chunk (content-hashed name)',
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: script('immutable, max-age=31536000'),
        },
      },
      '/v1/sites/{site}/config': {
        get: {
          summary: "A site's public settings",
          description: `For the site's own origins. ${SERVER_READ}`,
          parameters: [{ name: 'site', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The settings (max-age=60)', content: json(ref('SiteConfig')) },
            403: use('OriginNotAllowed'),
            404: use('SiteNotFound'),
            500: use('Internal'),
          },
        },
      },
      '/v1/events': {
        post: {
          summary: `Record up to ${MAX_EVENTS_PER_BATCH} events, idempotent by id`,
          description:
            'The batch is validated whole: one invalid event refuses it and nothing is ' +
            'stored. The answer comes after the write is durable. Sent as ' +
            '`application/json` or `text/plain` (beacons).',
          parameters: [siteKeyHeader],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('EventBatch') },
              'text/plain': { schema: ref('EventBatch') },
            },
          },
          responses: {
            200: { description: 'Stored', content: json(ref('EventBatchResult')) },
            400: use('InvalidRequest'),
            403: use('OriginNotAllowed'),
            404: use('SiteNotFound'),
            413: use('BodyTooLarge'),
            429: use('RateLimited'),
            500: use('Internal'),
          },
        },
      },
      '/v1/admin/site': {
        get: {
          summary: "The secret key's site and its settings",
          security: [{ secretKey: [] }],
          responses: {
            200: { description: 'The site', content: json(ref('AdminSite')) },
            401: use('Unauthorized'),
            500: use('Internal'),
          },
        },
        patch: {
          summary: "Change the site's settings",
          description:
            'Only the fields given change; origins are added and removed. Answers the site ' +
            'as it is now. Other server instances see the change within their site cache time.',
          security: [{ secretKey: [] }],
          requestBody: { required: true, content: json(ref('SiteUpdate')) },
          responses: {
            200: { description: 'The site as it is now', content: json(ref('AdminSite')) },
            400: use('InvalidRequest'),
            401: use('Unauthorized'),
            413: use('BodyTooLarge'),
            500: use('Internal'),
          },
        },
      },
      '/v1/admin/referral-program': {
        get: {
          summary: "The site's referral program as set, with warnings",
          security: [{ secretKey: [] }],
          responses: {
            200: {
              description: 'The program (null when none) and what may keep it from working',
              content: json(ref('ReferralProgramSettings')),
            },
            401: use('Unauthorized'),
            500: use('Internal'),
          },
        },
        put: {
          summary: "Set the site's referral program, whole",
          description:
            'A discount reward needs a coupon source (a pool or a fixed code); store credit ' +
            'takes none. A pool with no free coupons is a warning in the answer, not an error.',
          security: [{ secretKey: [] }],
          requestBody: { required: true, content: json(ref('ReferralProgram')) },
          responses: {
            200: {
              description: 'Stored; the program and its warnings',
              content: json(ref('ReferralProgramSettings')),
            },
            400: use('InvalidRequest'),
            401: use('Unauthorized'),
            413: use('BodyTooLarge'),
            500: use('Internal'),
          },
        },
      },
      '/v1/admin/coupons': {
        get: {
          summary: 'Every coupon pool with its counts',
          security: [{ secretKey: [] }],
          responses: {
            200: { description: 'The pools, by name', content: json(ref('CouponPools')) },
            401: use('Unauthorized'),
            500: use('Internal'),
          },
        },
      },
      '/v1/admin/coupons/{pool}': {
        post: {
          summary: 'Import a CSV file of coupon codes into a pool',
          description:
            'One code per line, an optional header naming the `code` column (needed when ' +
            'there are several columns). Good lines are imported in one transaction; invalid ' +
            'and duplicate lines (of the file, or of any pool of the site) are reported by ' +
            'line. A file that cannot be read imports nothing (`invalid_csv`). Up to 5 MiB.',
          security: [{ secretKey: [] }],
          parameters: [
            {
              name: 'pool',
              in: 'path',
              required: true,
              schema: schemaOf(couponPoolSchema, 'input'),
            },
          ],
          requestBody: {
            required: true,
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          responses: {
            200: {
              description: 'What was imported and refused',
              content: json(ref('CouponImport')),
            },
            400: error(
              'A bad pool name (`invalid_request`) or a file that cannot be imported at all (`invalid_csv`, nothing imported).',
            ),
            401: use('Unauthorized'),
            413: use('BodyTooLarge'),
            415: error('The body is not sent as CSV (`unsupported_media_type`).'),
            500: use('Internal'),
          },
        },
      },
      ...referralPaths(),
      ...npsPaths(),
      ...sharePaths(),
      ...testimonialPaths(),
      '/v1/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'A secret site key, sk_…' },
      },
      schemas: {
        EventBatch: schemaOf(eventBatchSchema, 'input'),
        EventBatchResult: schemaOf(eventBatchResultSchema, 'output'),
        SiteConfig: schemaOf(siteConfigSchema, 'output'),
        AdminSite: schemaOf(adminSiteSchema, 'output'),
        SiteUpdate: schemaOf(siteUpdateSchema, 'input'),
        ReferralProgram: schemaOf(referralProgramSchema, 'input'),
        ReferralProgramSettings: schemaOf(referralProgramSettingsSchema, 'output'),
        CouponPools: schemaOf(couponPoolsSchema, 'output'),
        CouponImport: schemaOf(couponImportSchema, 'output'),
        Health: schemaOf(healthSchema, 'output'),
        Error: schemaOf(errorBodySchema, 'output'),
        ...referralSchemas(),
        ...npsSchemas(),
        ...shareSchemas(),
        ...testimonialSchemas(),
      },
      responses: {
        InvalidRequest: error(
          'Malformed JSON (`invalid_json`) or invalid fields (`invalid_request`, with `issues` naming each field path).',
        ),
        Unauthorized: error('Missing or wrong secret key (`unauthorized`).'),
        OriginNotAllowed: error(
          "The request's origin is not one of the site's origins (`origin_not_allowed`); no CORS headers.",
        ),
        SiteNotFound: error('No site has this public key (`site_not_found`).'),
        NotFound: error('No such route or file (`not_found`).'),
        BodyTooLarge: error('The body exceeds the size limit (`body_too_large`).'),
        RateLimited: error('Too many requests from this address for this site (`rate_limited`).', {
          'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
        }),
        Internal: error('An unexpected failure (`internal`); details are only logged.'),
      },
    },
  };
}
