import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { npsCategory } from '@vouch/core';
import {
  type ConversionRequest,
  conversionRequestSchema,
  conversionResultSchema,
  couponClaimResultSchema,
  couponClaimSchema,
  type ReferralRequest,
  ratingSummarySchema,
  referralCodeSchema,
  referralLandingSchema,
  referralRequestSchema,
  referralSchema,
  type ShareRequest,
  shareRequestSchema,
  shareResultSchema,
  type TestimonialInput,
  testimonialInputSchema,
  testimonialPageSchema,
  toErrorIssues,
} from '@vouch/core/schemas';

/** A valid body of `POST /v1/referrals/:code/coupon`. */
export type CouponClaim = ReturnType<typeof couponClaimSchema.parse>;

/** An answer of the stand-in: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** A stand-in for the parts of the vouch API the runtime calls, on a real local port. */
export interface ApiServer {
  /** `http://127.0.0.1:PORT`, the endpoint. */
  url: string;
  /** What `GET /v1/sites/:site/config` answers for a site: a status and a JSON body. */
  config: (site: string) => Answer;
  /**
   * What `POST /v1/referrals` answers to a request that passed `referralRequestSchema`
   * (the site from the body or the `X-Vouch-Site` header). @default 404
   */
  referral: (site: string, request: ReferralRequest) => Answer;
  /** What `GET /v1/referrals/:code` answers for a valid code. @default 404 */
  landing: (code: string) => Answer;
  /** What `POST /v1/referrals/:code/coupon` answers to a valid claim. @default 404 */
  claim: (code: string, claim: CouponClaim) => Answer;
  /**
   * What `POST /v1/conversions` answers to a valid order.
   * @default 200, attributed to its `ref` if it has one
   */
  conversion: (request: ConversionRequest) => Answer;
  /**
   * What `POST /v1/nps` answers to an answer body (as posted).
   * @default 200 `{ id, category, stored: true }`
   */
  nps: (body: Record<string, unknown>) => Answer;
  /**
   * What `GET /v1/sites/:site/rating` answers, for a product or (undefined) the whole site.
   * @default 200, no reviews
   */
  rating: (site: string, product: string | undefined) => Answer;
  /**
   * What `GET /v1/sites/:site/testimonials` answers, for its query (`product`, `sort`,
   * `limit`, `cursor`, as given). @default 200, no testimonials
   */
  testimonials: (site: string, query: Record<string, string>) => Answer;
  /**
   * What `POST /v1/testimonials` answers to a body that passed `testimonialInputSchema`
   * (one that fails it gets the API's 400 naming the fields).
   * @default 200 `{ id, status: 'pending', stored, withdrawToken, withdrawUrl }`, the token
   *   and link on the first answer only
   */
  testimonial: (body: TestimonialInput) => Answer;
  /**
   * What `POST /v1/shares` answers to a body that passed `shareRequestSchema`.
   * @default 200 `{ recorded: true }`
   */
  share: (request: ShareRequest) => Answer;
  /** Every body posted to `POST /v1/shares`, as posted, in order of arrival. */
  shares: Array<Record<string, unknown>>;
  /** Every body posted to `POST /v1/testimonials`, as posted, in order of arrival. */
  reviews: Array<Record<string, unknown>>;
  /** Every `POST /v1/testimonials/:id/withdraw`: the id and the body. */
  withdrawals: Array<{ id: string; body: Record<string, unknown> }>;
  /** Every body posted to `POST /v1/nps`, in order of arrival (retries included). */
  npsAnswers: Array<Record<string, unknown>>;
  /** Every event posted to `POST /v1/events`, in order of arrival, with its batch's `site`. */
  events: Array<Record<string, unknown>>;
  /** The events of one site. */
  eventsOf(site: string): Array<Record<string, unknown>>;
  /** Every request line seen (`GET /v1/sites/pk_…/config`). */
  requests: string[];
  close(): Promise<void>;
}

/** A valid site config for `site`, without a referral program. */
export function siteConfig(site: string, overrides: Record<string, unknown> = {}) {
  return {
    site,
    name: 'Test shop',
    consentRequired: false,
    attributionDays: 30,
    attribution: 'last',
    locale: 'en',
    theme: {},
    identityVerification: false,
    referral: null,
    nps: null,
    share: null,
    ...overrides,
  };
}

/** The answer to an order the server takes: credited to the code it carried, if any. */
export function acknowledgeOrder(order: ConversionRequest): Answer {
  const status = order.ref ? 'attributed' : 'none';
  return {
    status: 200,
    body: { orderId: order.orderId, status, ref: order.ref ?? null, verified: false },
  };
}

/** The answer to an NPS answer the server stores: its id and category. */
export function storeNpsAnswer(body: Record<string, unknown>): Answer {
  try {
    const category = npsCategory(Number(body.score));
    return { status: 200, body: { id: body.id, category, stored: true } };
  } catch (error) {
    const message = (error as Error).message;
    return { status: 400, body: { error: { code: 'invalid', message } } };
  }
}

const notFound: Answer = {
  status: 404,
  body: { error: { code: 'not_found', message: 'no such referral code' } },
};

// The stand-in speaks the referral schemas both ways: requests that fail them get the
// API's 400, and a test's answer that fails them is a broken test, answered with a 500.
// (Config answers go out as given: tests send broken ones on purpose.)
const answers = {
  referral: referralSchema,
  landing: referralLandingSchema,
  claim: couponClaimResultSchema,
  conversion: conversionResultSchema,
  rating: ratingSummarySchema,
  testimonials: testimonialPageSchema,
  share: shareResultSchema,
};

function invalid(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
  return {
    status: 400,
    body: { error: { code: 'invalid', message: 'invalid request', issues: toErrorIssues(issues) } },
  };
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-vouch-site',
  'access-control-allow-methods': 'GET, POST',
};

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { ...cors, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text) as Record<string, unknown>;
}

/** Sends a test's answer, after checking a 2xx body against the route's schema. */
function answer(response: ServerResponse, route: keyof typeof answers, given: Answer) {
  if (given.status < 300) {
    const checked = answers[route].safeParse(given.body);
    if (!checked.success) {
      const issues = toErrorIssues(checked.error.issues);
      return send(response, 500, {
        error: { code: 'bad_test_answer', message: `the ${route} answer fails its schema`, issues },
      });
    }
  }
  send(response, given.status, given.body);
}

/** Starts the server on 127.0.0.1, answering a valid config for every site. */
export async function startApiServer(): Promise<ApiServer> {
  const api: Omit<ApiServer, 'url' | 'close'> = {
    config: (site) => ({ status: 200, body: siteConfig(site) }),
    referral: () => notFound,
    landing: () => notFound,
    claim: () => notFound,
    conversion: acknowledgeOrder,
    nps: storeNpsAnswer,
    rating: (_, product) => ({
      status: 200,
      body: {
        ...(product !== undefined && { product }),
        average: null,
        count: 0,
        histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      },
    }),
    testimonials: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    testimonial: (body) => {
      const stored = !api.reviews.some(
        (earlier, index) => index < api.reviews.length - 1 && earlier.id === body.id,
      );
      return {
        status: 200,
        body: {
          id: body.id ?? 'tst_standin',
          status: 'pending',
          stored,
          ...(stored && {
            withdrawToken: `wd_${'T'.repeat(32)}`,
            withdrawUrl: `https://vouch.example/v1/testimonials/${body.id}/withdrawal?token=wd_${'T'.repeat(32)}`,
          }),
        },
      };
    },
    share: () => ({ status: 200, body: { recorded: true } }),
    shares: [],
    reviews: [],
    withdrawals: [],
    npsAnswers: [],
    events: [],
    eventsOf: (site) => api.events.filter((event) => event.site === site),
    requests: [],
  };
  const server = createServer(async (request, response) => {
    api.requests.push(`${request.method} ${request.url}`);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return response.end();
    }
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const config = url.pathname.match(/^\/v1\/sites\/([^/]+)\/config$/);
    if (request.method === 'GET' && config?.[1]) {
      const given = api.config(decodeURIComponent(config[1]));
      return send(response, given.status, given.body);
    }
    const rating = url.pathname.match(/^\/v1\/sites\/([^/]+)\/rating$/);
    if (request.method === 'GET' && rating?.[1]) {
      const product = url.searchParams.get('product') ?? undefined;
      return answer(response, 'rating', api.rating(decodeURIComponent(rating[1]), product));
    }
    const wall = url.pathname.match(/^\/v1\/sites\/([^/]+)\/testimonials$/);
    if (request.method === 'GET' && wall?.[1]) {
      const query = Object.fromEntries(url.searchParams);
      return answer(response, 'testimonials', api.testimonials(decodeURIComponent(wall[1]), query));
    }
    if (request.method === 'POST' && url.pathname === '/v1/referrals') {
      const body = await readJson(request);
      const site = body.site ?? request.headers['x-vouch-site'];
      const parsed = referralRequestSchema.safeParse(body);
      if (!parsed.success) return send(response, 400, invalid(parsed.error.issues).body);
      if (typeof site !== 'string') return send(response, 400, invalid([]).body);
      return answer(response, 'referral', api.referral(site, parsed.data));
    }
    const referral = url.pathname.match(/^\/v1\/referrals\/([^/]+)(\/coupon)?$/);
    if (referral?.[1]) {
      const code = referralCodeSchema.safeParse(decodeURIComponent(referral[1]));
      if (!code.success) return send(response, 404, notFound.body);
      if (request.method === 'GET' && !referral[2]) {
        return answer(response, 'landing', api.landing(code.data));
      }
      if (request.method === 'POST' && referral[2]) {
        const parsed = couponClaimSchema.safeParse(await readJson(request));
        if (!parsed.success) return send(response, 400, invalid(parsed.error.issues).body);
        return answer(response, 'claim', api.claim(code.data, parsed.data));
      }
    }
    if (request.method === 'POST' && url.pathname === '/v1/conversions') {
      const parsed = conversionRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return send(response, 400, invalid(parsed.error.issues).body);
      return answer(response, 'conversion', api.conversion(parsed.data));
    }
    if (request.method === 'POST' && url.pathname === '/v1/nps') {
      const body = await readJson(request);
      api.npsAnswers.push(body);
      const given = api.nps(body);
      return send(response, given.status, given.body);
    }
    if (request.method === 'POST' && url.pathname === '/v1/shares') {
      const body = await readJson(request);
      api.shares.push(body);
      const parsed = shareRequestSchema.safeParse(body);
      if (!parsed.success) return send(response, 400, invalid(parsed.error.issues).body);
      return answer(response, 'share', api.share(parsed.data));
    }
    if (request.method === 'POST' && url.pathname === '/v1/testimonials') {
      const body = await readJson(request);
      api.reviews.push(body);
      // The test sites' keys are made up: the stand-in checks the form's fields, not the key.
      const { site, ...fields } = body;
      const parsed = testimonialInputSchema.safeParse(fields);
      if (!parsed.success) return send(response, 400, invalid(parsed.error.issues).body);
      const given = api.testimonial(parsed.data);
      return send(response, given.status, given.body);
    }
    const withdraw = url.pathname.match(/^\/v1\/testimonials\/([^/]+)\/withdraw$/);
    if (request.method === 'POST' && withdraw?.[1]) {
      const id = decodeURIComponent(withdraw[1]);
      api.withdrawals.push({ id, body: await readJson(request) });
      return send(response, 200, { id, withdrawn: true });
    }
    if (request.method === 'POST' && request.url === '/v1/events') {
      const batch = await readJson(request);
      const events = batch.events as Array<Record<string, unknown>>;
      api.events.push(...events.map((event) => ({ ...event, site: batch.site })));
      return send(response, 200, { received: events.length, stored: events.length });
    }
    send(response, 404, { error: { code: 'not_found', message: 'no such route' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
