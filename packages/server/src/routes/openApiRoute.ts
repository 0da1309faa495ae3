import type { Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import { buildOpenApiDocument } from '../openapi/buildOpenApiDocument.js';

/** `GET /v1/openapi.json`, readable from any origin (it describes a public API). */
export function openApiRoute(app: Hono<AppEnv>): void {
  let document: string | undefined;
  app.get('/v1/openapi.json', (c) => {
    document ??= JSON.stringify(buildOpenApiDocument());
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(document);
  });
}
