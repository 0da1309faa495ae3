import {
  errorBodySchema,
  eventBatchResultSchema,
  eventBatchSchema,
  MAX_EVENTS_PER_BATCH,
  siteConfigSchema,
} from '@vouch/core/schemas';
import * as z from 'zod/mini';
import { adminSiteSchema } from '../schemas/adminSiteSchema.js';
import { healthSchema } from '../schemas/healthSchema.js';

type JsonObject = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object. */
function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
  }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });
const error = (description: string, headers?: JsonObject) => ({
  description,
  content: json(ref('Error')),
  ...(headers ? { headers } : {}),
});
const use = (name: string) => ({ $ref: `#/components/responses/${name}` });

const script = (cache: string) => ({
  200: {
    description: `The script (${cache}); brotli or gzip when precompressed and accepted.`,
    headers: { ETag: { schema: { type: 'string' } } },
    content: { 'text/javascript': { schema: { type: 'string' } } },
  },
  304: { description: 'Not modified (If-None-Match matched the ETag).' },
  404: use('NotFound'),
});

const siteKeyHeader = {
  name: 'X-Vouch-Site',
  in: 'header',
  required: false,
  description: 'The public site key (pk_…), unless the body or path carries it.',
  schema: { type: 'string' },
};

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
      },
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
        Health: schemaOf(healthSchema, 'output'),
        Error: schemaOf(errorBodySchema, 'output'),
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
