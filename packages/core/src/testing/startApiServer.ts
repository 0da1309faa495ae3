import { createHmac } from 'node:crypto';
import type * as z from 'zod/mini';
import { createReferralCode } from '../links/createReferralCode.js';
import { describeReward } from '../links/describeReward.js';
import { referralLink } from '../links/referralLink.js';
import { aggregateRating } from '../reviews/aggregateRating.js';
import {
  type ConversionRequest,
  type ConversionResult,
  conversionRequestSchema,
  conversionResultSchema,
} from '../schemas/conversions.js';
import { toErrorIssues } from '../schemas/errors.js';
import { moneyIssue } from '../schemas/minorUnits.js';
import {
  type NpsRequest,
  type NpsResult,
  npsRequestSchema,
  npsResultSchema,
} from '../schemas/nps.js';
import { referralCodeSchema } from '../schemas/primitives.js';
import {
  couponClaimResultSchema,
  couponClaimSchema,
  type RewardView,
  referralLandingSchema,
  referralRequestSchema,
  referralSchema,
} from '../schemas/referrals.js';
import { type SiteConfig, siteConfigSchema } from '../schemas/site.js';
import {
  type PublicTestimonial,
  ratingSummarySchema,
  testimonialPageSchema,
} from '../schemas/testimonials.js';
import { acknowledge, parseBatch } from './startEventServer.js';
import {
  type Answer,
  type HttpServer,
  type ReceivedRequest,
  startHttpServer,
} from './startHttpServer.js';

// A test double of the vouch server's browser API for the client's referral calls: real
// HTTP, every request parsed with the shared zod schemas (a bad one gets the 400 the
// server would give, naming the fields), every answer checked against its schema before
// it is sent. Its rules are the plain ones (idempotency, 409, first names, coupons per
// visitor); the real rules are the server package's and are tested there.

/** Options of {@link startApiServer}. */
export interface ApiServerOptions {
  /** Fields of the site config to change from a site with a 10%-off referral program. */
  config?: Partial<SiteConfig>;
  /** The site's secret, for `identify` hashes when `config.identityVerification` is on. */
  secret?: string;
  /** Whether the friend's coupon comes from a pool (claimed per visitor). @default false */
  pool?: boolean;
  /** Approved reviews' ratings by product id, for `GET /v1/sites/:site/rating`. @default {} */
  ratings?: Record<string, number[]>;
  /**
   * The approved testimonials, in any order, for `GET /v1/sites/:site/testimonials`
   * (pages of `limit`, 10 by default; the cursor is the offset of the next page). @default []
   */
  testimonials?: PublicTestimonial[];
}

/** The API double: the HTTP server and what it has stored. */
export interface ApiServer extends HttpServer {
  config: SiteConfig;
  /** Referral codes by customer id, created on the first `POST /v1/referrals`. */
  codes: Map<string, string>;
  /** Accepted conversions by order id, with their answer. */
  conversions: Map<string, { request: ConversionRequest; result: ConversionResult }>;
  /** Ids of stored events. */
  stored: string[];
  /** Accepted NPS answers by id, with their answer. */
  nps: Map<string, { request: NpsRequest; result: NpsResult }>;
}

const SITE = 'pk_test_0123456789abcdef';
const DEFAULT_CONFIG: SiteConfig = {
  site: SITE,
  name: 'Lather & Leaf',
  consentRequired: false,
  attributionDays: 30,
  attribution: 'last',
  locale: 'en-GB',
  theme: {},
  identityVerification: false,
  referral: {
    friendOffer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
    referrerReward: {
      value: { kind: 'amount', amount: 5, currency: 'EUR' },
      description: describeReward({ kind: 'amount', amount: 5, currency: 'EUR' }, 'en-GB'),
    },
    minOrderAmount: 20,
    currency: 'EUR',
    holdDays: 14,
  },
  nps: null,
  share: null,
};

const fail = (status: number, code: string, message: string, issues?: unknown): Answer => ({
  status,
  body: { error: { code, message, ...(issues !== undefined && { issues }) } },
});

/** `value` parsed by `schema`, or the 400 answer naming what is wrong. */
function parse<T>(schema: z.ZodMiniType<T>, value: unknown): { value: T } | { answer: Answer } {
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data };
  const issues = toErrorIssues(result.error.issues);
  return { answer: fail(400, 'invalid_request', 'The request is not valid.', issues) };
}

/** `body` sent only if `schema` accepts it: the double never answers off contract. */
const ok = <T>(schema: z.ZodMiniType<T>, body: T): Answer => ({
  status: 200,
  body: schema.parse(body),
});

/** Starts an {@link ApiServer} on a free port (test support, not shipped). */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const config = siteConfigSchema.parse({ ...DEFAULT_CONFIG, ...options.config });
  const codes = new Map<string, string>();
  const owners = new Map<string, { id: string; name?: string | undefined }>();
  const conversions = new Map<string, { request: ConversionRequest; result: ConversionResult }>();
  const claims = new Map<string, string>();
  const stored: string[] = [];
  const nps = new Map<string, { request: NpsRequest; result: NpsResult }>();
  let created = 0;

  const json = (request: ReceivedRequest) => {
    try {
      return JSON.parse(request.body) as unknown;
    } catch {
      return undefined;
    }
  };
  const unknownSite = (site: string | null | undefined) =>
    site !== config.site ? fail(404, 'site_not_found', 'No site has this public key.') : null;

  const referral = (customer: { id: string; hash?: string | undefined }, verified: boolean) => {
    const code = codes.get(customer.id) ?? '';
    const credited = [...conversions.values()].filter(
      ({ result }) => result.ref === code && result.status === 'attributed',
    );
    const program = config.referral;
    if (!program) throw new Error('no program');
    const rewards: RewardView[] = credited.map(({ request }, index) => ({
      id: `rw_${index + 1}`,
      offer: program.referrerReward,
      status: 'pending',
      reason: 'friend',
      approvesAt: new Date(Date.UTC(2026, 0, 1 + program.holdDays)).toISOString(),
      createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
      ...(verified && request.coupon && { coupon: request.coupon }),
    }));
    return ok(referralSchema, {
      code,
      link: referralLink('https://shop.example/', code),
      friends: credited.length,
      rewards,
      verified,
      friendOffer: program.friendOffer,
      referrerReward: program.referrerReward,
    });
  };

  const routes: Array<[string, RegExp, (request: ReceivedRequest, match: string[]) => Answer]> = [
    [
      'GET',
      /^\/v1\/sites\/([^/]+)\/config$/,
      (_, [, site]) => unknownSite(decodeURIComponent(site ?? '')) ?? ok(siteConfigSchema, config),
    ],
    [
      'GET',
      /^\/v1\/sites\/([^/]+)\/rating(?:\?product=([^&]*))?$/,
      (_, [, site, product]) => {
        const ratings = options.ratings ?? {};
        const wanted = product === undefined ? undefined : decodeURIComponent(product);
        const all = wanted === undefined ? Object.values(ratings).flat() : (ratings[wanted] ?? []);
        return (
          unknownSite(decodeURIComponent(site ?? '')) ??
          ok(ratingSummarySchema, {
            ...(wanted !== undefined && { product: wanted }),
            ...aggregateRating(all),
          })
        );
      },
    ],
    [
      'GET',
      /^\/v1\/sites\/([^/]+)\/testimonials(?:\?.*)?$/,
      (request, [, site]) => {
        const refused = unknownSite(decodeURIComponent(site ?? ''));
        if (refused) return refused;
        const query = new URL(request.url, 'http://x').searchParams;
        const sort = query.get('sort') ?? 'newest';
        const limit = Number(query.get('limit') ?? 10);
        const offset = Number(query.get('cursor') ?? 0);
        const bad = [
          query.has('minRating') && { path: 'minRating', message: 'is not supported' },
          !['newest', 'highest'].includes(sort) && { path: 'sort', message: 'bad sort' },
          !(Number.isInteger(limit) && limit >= 1 && limit <= 50) && {
            path: 'limit',
            message: 'must be 1–50',
          },
          !(Number.isInteger(offset) && offset >= 0) && { path: 'cursor', message: 'bad cursor' },
        ].filter(Boolean);
        if (bad.length) return fail(400, 'invalid_request', 'The request is not valid.', bad);
        const product = query.get('product');
        const newest = (a: PublicTestimonial, b: PublicTestimonial) =>
          b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
        const all = (options.testimonials ?? [])
          .filter((item) => product === null || item.product === product)
          .sort((a, b) => (sort === 'highest' ? b.rating - a.rating : 0) || newest(a, b));
        const next = offset + limit;
        return ok(testimonialPageSchema, {
          items: all.slice(offset, next),
          nextCursor: next < all.length ? String(next) : null,
        });
      },
    ],
    ['POST', /^\/v1\/events$/, (request) => acknowledge(stored, parseBatch(request.body))],
    [
      'POST',
      /^\/v1\/referrals$/,
      (request) => {
        const parsed = parse(referralRequestSchema, json(request));
        if ('answer' in parsed) return parsed.answer;
        const { customer, site } = parsed.value;
        const refused = unknownSite(site);
        if (refused) return refused;
        if (!config.referral) return fail(404, 'program_off', 'The referral program is off.');
        const expected = options.secret
          ? createHmac('sha256', options.secret).update(customer.id).digest('hex')
          : null;
        const verified = expected !== null && customer.hash === expected;
        if (config.identityVerification && !verified) {
          return fail(401, 'identity_not_verified', 'The identity hash does not match.');
        }
        if (!codes.has(customer.id)) {
          const code = createReferralCode();
          codes.set(customer.id, code);
          owners.set(code, customer);
        }
        return referral(customer, verified);
      },
    ],
    [
      'GET',
      /^\/v1\/referrals\/([^/?]+)(?:\?.*)?$/,
      (request, [, code = '']) => {
        const site = new URL(request.url, 'http://x').searchParams.get('site');
        if (!site) return fail(400, 'invalid_request', 'A public site key is required.');
        const refused = unknownSite(site);
        if (refused) return refused;
        const parsed = parse(referralCodeSchema, code);
        if ('answer' in parsed)
          return fail(400, 'invalid_request', 'Bad code.', [
            { path: 'code', message: 'must be 4–32 letters or digits' },
          ]);
        const owner = owners.get(code);
        if (!owner || !config.referral) return fail(404, 'referral_not_found', 'No such code.');
        return ok(referralLandingSchema, {
          code,
          referrerName: owner.name?.split(' ')[0] ?? null,
          offer: config.referral.friendOffer,
          coupon: options.pool ? null : 'FRIEND10',
          claimable: options.pool === true,
        });
      },
    ],
    [
      'POST',
      /^\/v1\/referrals\/([^/]+)\/coupon$/,
      (request, [, code = '']) => {
        const parsed = parse(couponClaimSchema, json(request));
        if ('answer' in parsed) return parsed.answer;
        const refused = unknownSite(parsed.value.site);
        if (refused) return refused;
        if (!owners.has(code)) return fail(404, 'referral_not_found', 'No such code.');
        const holder = `${code}:${parsed.value.visitor}`;
        if (!claims.has(holder)) claims.set(holder, `POOL-${++created}`);
        return ok(couponClaimResultSchema, { coupon: claims.get(holder) ?? '' });
      },
    ],
    [
      'POST',
      /^\/v1\/conversions$/,
      (request) => {
        const parsed = parse(conversionRequestSchema, json(request));
        if ('answer' in parsed) return parsed.answer;
        const order = parsed.value;
        const refused = unknownSite(order.site);
        if (refused) return refused;
        const decimals = moneyIssue(order.amount, order.currency);
        if (decimals) {
          return fail(400, 'invalid_request', 'The request is not valid.', [
            { path: 'amount', message: decimals },
          ]);
        }
        const known = conversions.get(order.orderId);
        if (known) {
          const { amount, currency } = known.request;
          if (amount === order.amount && currency === order.currency) {
            return ok(conversionResultSchema, known.result);
          }
          return fail(
            409,
            'order_conflict',
            `Order ${order.orderId} was recorded with ${amount} ${currency}, not ${order.amount} ${order.currency}.`,
          );
        }
        const owner = order.ref ? owners.get(order.ref) : undefined;
        const result: ConversionResult = {
          orderId: order.orderId,
          status: !owner ? 'none' : owner.id === order.customer?.id ? 'review' : 'attributed',
          ref: owner && order.ref ? order.ref : null,
          verified: false,
        };
        conversions.set(order.orderId, { request: order, result });
        return ok(conversionResultSchema, result);
      },
    ],
  ];

  routes.push([
    'POST',
    /^\/v1\/nps$/,
    (request) => {
      const parsed = parse(npsRequestSchema, json(request));
      if ('answer' in parsed) return parsed.answer;
      const answer = parsed.value;
      const refused = unknownSite(answer.site);
      if (refused) return refused;
      // Idempotent by id: the same id again is the answer stored first.
      const known = nps.get(answer.id);
      if (known) return ok(npsResultSchema, { ...known.result, stored: false });
      const category = answer.score >= 9 ? 'promoter' : answer.score >= 7 ? 'passive' : 'detractor';
      const result: NpsResult = { id: answer.id, category, stored: true };
      nps.set(answer.id, { request: answer, result });
      return ok(npsResultSchema, result);
    },
  ]);

  const server = await startHttpServer((request) => {
    const path = request.url;
    for (const [method, pattern, handle] of routes) {
      const match = pattern.exec(path);
      if (match && request.method === method) return handle(request, [...match]);
    }
    return fail(404, 'not_found', `No route for ${request.method} ${path}.`);
  });
  return { ...server, config, codes, conversions, stored, nps };
}
