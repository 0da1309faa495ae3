import { type ConversionRequest, conversionRequestSchema, moneyIssue } from '@vouch/core/schemas';
import type { Context, Hono } from 'hono';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import {
  type BrowserRequestOptions,
  invalidRequest,
  readBrowserRequest,
} from '../http/readBrowserRequest.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { requireSecretKey } from '../http/requireSecretKey.js';
import { verifyIdentity } from '../identity/verifyIdentity.js';
import { loadReferralProgram } from '../referralProgram/loadReferralProgram.js';
import { type BrowserWriteLimit, limitBrowserWrite } from '../referrals/limitBrowserWrite.js';
import { recordConversion } from '../referrals/recordConversion.js';
import { validate } from '../schemas/validate.js';
import type { Site } from '../sites/Site.js';

/** What `POST /v1/conversions` needs. */
export type ConversionsRouteOptions = BrowserRequestOptions & BrowserWriteLimit;

/**
 * `POST /v1/conversions`: an order, idempotent by `orderId`. From a browser (public key,
 * allowed origin, rate limited) it is unverified; with `Authorization: Bearer sk_…`
 * (the merchant's server) it is verified, and its customer is trusted as given. A
 * browser's customer counts only when the identity verifies or the site does not
 * verify identities; otherwise the order is kept without it, so nothing is lost.
 */
export function conversionsRoute(app: Hono<AppEnv>, options: ConversionsRouteOptions): void {
  const { database, now } = options;
  const authenticate = requireSecretKey(database);

  app.post('/v1/conversions', async (c) => {
    const fromServer = c.req.header('authorization') !== undefined;
    const { site, request } = fromServer
      ? await readServerRequest(c, authenticate, options.bodyLimit)
      : await readBrowser(c, options);
    const amountIssue = moneyIssue(request.amount, request.currency);
    if (amountIssue) throw invalidRequest([{ path: 'amount', message: amountIssue }]);
    if (!fromServer) await limitBrowserWrite(c, site.id, options);

    const trusted =
      request.customer &&
      (fromServer || !site.identityVerification || verifyIdentity(site, request.customer));
    const result = await database.db.transaction().execute(async (trx) =>
      recordConversion(trx, {
        site,
        program: await loadReferralProgram(trx, site.id),
        now: now(),
        verified: fromServer,
        request,
        customer: trusted ? (request.customer ?? null) : null,
      }),
    );
    return c.json(result);
  });
}

async function readBrowser(c: Context<AppEnv>, options: ConversionsRouteOptions) {
  const { site, data } = await readBrowserRequest(c, conversionRequestSchema, options);
  return { site, request: data };
}

/** A server-to-server call: the secret key names the site; a `site` in the body must agree. */
async function readServerRequest(
  c: Context<AppEnv>,
  authenticate: ReturnType<typeof requireSecretKey>,
  bodyLimit: number,
): Promise<{ site: Site; request: ConversionRequest }> {
  await authenticate(c, async () => {});
  const site = c.get('site');
  const parsed = validate(conversionRequestSchema, await readJsonBody(c, bodyLimit));
  if (!parsed.success) throw invalidRequest(parsed.issues);
  if (parsed.data.site !== undefined && parsed.data.site !== site.publicKey) {
    throw new ApiError(400, 'invalid_request', "The body's site is not the secret key's site.", {
      issues: [{ path: 'site', message: "differs from the secret key's site" }],
    });
  }
  return { site, request: parsed.data };
}
