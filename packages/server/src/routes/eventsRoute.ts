import { type ErrorIssue, type EventBatchResult, eventBatchSchema } from '@vouch/core/schemas';
import type { Hono } from 'hono';
import type { EventWriter } from '../events/createEventWriter.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import { browserJson } from '../http/browserJson.js';
import { clientAddress } from '../http/clientAddress.js';
import type { SiteDirectory } from '../http/createSiteDirectory.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { resolveBrowserSite, SITE_HEADER } from '../http/resolveBrowserSite.js';
import { validate } from '../schemas/validate.js';

export interface EventsRouteOptions {
  sites: SiteDirectory;
  writer: EventWriter;
  bodyLimit: number;
  trustProxy: boolean;
  /** Whether browser writes are counted against a rate limit. */
  rateLimited: boolean;
}

/**
 * `POST /v1/events`: a batch of events, validated whole (one bad event refuses the batch
 * and stores nothing), written in one transaction with the requests that arrived with
 * it, answered `{ received, stored }` once durable. A repeated id counts as received but
 * not stored.
 */
export function eventsRoute(app: Hono<AppEnv>, options: EventsRouteOptions): void {
  const { sites, writer, bodyLimit, trustProxy, rateLimited } = options;
  app.post('/v1/events', async (c) => {
    const body = await readJsonBody(c, bodyLimit);
    const bodySite =
      typeof body === 'object' && body !== null && 'site' in body ? body.site : undefined;
    const parsed = validate(eventBatchSchema, body);
    const key = typeof bodySite === 'string' ? bodySite : undefined;
    if (!key && !c.req.header(SITE_HEADER) && !parsed.success) {
      // No key to check the origin with: say everything that is wrong with the body.
      throw invalid(parsed.issues);
    }
    const site = await resolveBrowserSite(c, sites, trustProxy, key);
    if (!parsed.success) throw invalid(parsed.issues);
    const result = await writer.write({
      siteId: site.id,
      bucket: rateLimited ? `write:${site.id}:${clientAddress(c, trustProxy)}` : undefined,
      events: parsed.data.events,
    });
    if (result.status === 'rate_limited') {
      throw new ApiError(429, 'rate_limited', 'Too many requests; try again later.', {
        headers: { 'Retry-After': String(result.retryAfter) },
      });
    }
    return browserJson(c, {
      received: result.received,
      stored: result.stored,
    } satisfies EventBatchResult);
  });
}

function invalid(issues: ErrorIssue[]) {
  return new ApiError(400, 'invalid_request', 'The request is invalid; see issues.', { issues });
}
