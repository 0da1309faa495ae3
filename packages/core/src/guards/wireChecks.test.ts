import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  conversionInputSchema,
  conversionRequestSchema,
  conversionResultSchema,
  orderIdSchema,
} from '../schemas/conversions.js';
import { errorBodySchema } from '../schemas/errors.js';
import { eventBatchResultSchema, eventSchema } from '../schemas/events.js';
import { identitySchema } from '../schemas/identity.js';
import { amountSchema, currencySchema } from '../schemas/money.js';
import {
  MAX_NPS_COMMENT,
  npsCommentSchema,
  npsRequestSchema,
  npsResultSchema,
  npsScoreSchema,
} from '../schemas/nps.js';
import { npsRulesSchema } from '../schemas/npsRules.js';
import {
  customerIdSchema,
  eventIdSchema,
  httpUrlSchema,
  isoTimeSchema,
  publicKeySchema,
  referralCodeSchema,
} from '../schemas/primitives.js';
import {
  couponClaimResultSchema,
  couponCodeSchema,
  offerSchema,
  publicReferralProgramSchema,
  referralLandingSchema,
  referralSchema,
  rewardValueSchema,
  rewardViewSchema,
} from '../schemas/referrals.js';
import { siteConfigSchema } from '../schemas/site.js';
import { expectAgreement, JUNK, variants } from '../testing/twinAgreement.js';
import {
  conversionResultCheck,
  couponClaimResultCheck,
  errorBodyCheck,
  eventBatchResultCheck,
  referralCheck,
  referralLandingCheck,
  rewardViewCheck,
} from './answerChecks.js';
import { validate } from './check.js';
import { conversionRequestCheck } from './conversionRequestCheck.js';
import { EVENT_CHECKS, eventCheck } from './eventChecks.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import { npsCommentCheck, npsRequestCheck, npsResultCheck, npsScoreCheck } from './npsChecks.js';
import { npsRulesCheck } from './npsRulesCheck.js';
import {
  amountCheck,
  conversionInputCheck,
  couponCodeCheck,
  currencyCheck,
  orderIdCheck,
} from './orderChecks.js';
import { offerCheck, publicReferralProgramCheck, rewardValueCheck } from './programChecks.js';
import { siteConfigCheck } from './siteConfigCheck.js';
import {
  customerIdCheck,
  eventIdCheck,
  httpUrlCheck,
  identityCheck,
  publicKeyCheck,
  referralCodeCheck,
} from './wireChecks.js';

// Strings chosen to sit on every edge of the rules: lengths, alphabets, URL schemes,
// calendar dates, e-mail shapes.
const STRINGS = [
  '',
  ' ',
  'a',
  'abc',
  'abcd',
  'abc12345',
  'abc1234_',
  'ABCD-1234_xyz',
  'abc12345\n',
  'ab c1234',
  'é'.repeat(8),
  'a'.repeat(7),
  'a'.repeat(8),
  'a'.repeat(32),
  'a'.repeat(33),
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(128),
  'a'.repeat(129),
  'a'.repeat(201),
  'a'.repeat(300),
  'a'.repeat(301),
  'pk_0123456789abcdef',
  'pk_0123456789abcde',
  `pk_${'a'.repeat(48)}`,
  `pk_${'a'.repeat(49)}`,
  'pk_0123456789abcdeF_',
  'pk_0123456789abcd-f',
  'sk_0123456789abcdef',
  'https://shop.example/',
  'http://shop.example/p?ref=abc12345#x',
  'HTTPS://SHOP.EXAMPLE',
  'https://',
  'ftp://shop.example/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '/relative/path',
  `https://shop.example/${'a'.repeat(2026)}`,
  `https://shop.example/${'a'.repeat(2027)}`,
  `https://shop.example/${'a'.repeat(2028)}`,
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.123Z',
  '2026-01-01T00:00:00.123456+02:00',
  '2026-01-01T00:00:00-11:30',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T00:00Z',
  '2026-01-01T00:00:00',
  '2026-01-01 00:00:00Z',
  '2026-01-01T00:00:00+24:00',
  'ada@example.com',
  'a.b@c.co',
  "o'neil+tag@mail.example.io",
  '.a@b.co',
  'a..b@c.co',
  'a.@b.co',
  'a@b',
  'a@b.c',
  'a@-b.com',
  'a b@x.io',
  `${'a'.repeat(250)}@x.io`,
  'deadbeefdeadbeefdeadbeefdeadbeef',
  'abc+/=_-abc+/=_-',
  'lowercase-token',
  'Upper',
  '9lead',
  'a;b',
  'red{}',
  'de',
  'en-GB',
  'x',
  'EUR',
  'eur',
  'JPY',
  'XXX',
  'EURO',
  'ord-1',
  'ord 1',
  'ord\t1',
  'SAVE10',
  'save-10_x',
  '-SAVE',
  'AB',
];

const SAMPLES = [...STRINGS, ...JUNK];
const AMOUNTS = [0, 0.01, 42.5, 10_000_000, 10_000_000.01, -0.01, -1, 1e308, -0];

const PERCENT = { kind: 'percent', percent: 10 };
const AMOUNT = { kind: 'amount', amount: 5, currency: 'EUR' };
const CREDIT = { kind: 'credit', amount: 5, currency: 'EUR' };
const OFFER = { value: PERCENT, description: '10% off' };
const NPS_RULES = {
  trigger: 'auto',
  delayMs: 5000,
  minPageViews: 2,
  afterConversionDays: 14,
  include: ['/thanks*'],
  exclude: ['https://shop.example/checkout*'],
  sampleRate: 0.5,
  resurveyDays: 90,
  dismissedDays: 30,
  survey: 'nps-2026',
};
// Values on and beyond the edges of the NPS rules.
const RULE_VALUES = [
  'manual',
  0,
  0.5,
  2.5,
  1000,
  1001,
  3650,
  3651,
  3_600_000,
  3_600_001,
  -0,
  [],
  [''],
  ['a'.repeat(500)],
  ['a'.repeat(501)],
  Array(50).fill('/a*'),
  Array(51).fill('/a*'),
  [7],
];
const PROGRAM = {
  friendOffer: OFFER,
  referrerReward: { value: AMOUNT, description: '€5.00 off' },
  minOrderAmount: 20,
  currency: 'EUR',
  holdDays: 14,
};

describe('wire checks agree with the zod schemas', () => {
  it.each([
    ['publicKey', publicKeySchema, publicKeyCheck],
    ['eventId', eventIdSchema, eventIdCheck],
    ['referralCode', referralCodeSchema, referralCodeCheck],
    ['httpUrl', httpUrlSchema, httpUrlCheck],
    ['isoTime', isoTimeSchema, isoTimeCheck],
    ['customerId', customerIdSchema, customerIdCheck],
    ['currency', currencySchema, currencyCheck],
    ['couponCode', couponCodeSchema, couponCodeCheck],
    ['orderId', orderIdSchema, orderIdCheck],
  ] as const)('%s', (_, schema, check) => {
    expectAgreement(schema as z.ZodMiniType<string>, check, SAMPLES);
  });

  const page = {
    id: 'abc12345',
    at: '2026-01-01T00:00:00Z',
    type: 'page',
    url: 'https://shop.example/',
    referrer: '',
    title: 'Home',
    visitor: 'visitor01',
    customer: 'c-1',
  };
  const landing = {
    id: 'abc12345',
    at: '2026-01-01T00:00:00Z',
    type: 'landing',
    url: 'https://shop.example/?ref=abc12345',
    ref: 'abc12345',
  };

  it('event', () => {
    expectAgreement(eventSchema, eventCheck, [
      ...variants(page, SAMPLES),
      ...variants(landing, SAMPLES),
      ...JUNK,
    ]);
    expectAgreement(eventSchema, eventCheck, [
      { ...page, type: 'landing' },
      { ...landing, type: 'page' },
      { ...page, type: 'nope' },
    ]);
  });

  const npsShown = { ...landing, type: 'nps_shown', prompt: 'prompt01', url: undefined };
  const npsDismissed = {
    id: 'abc12345',
    at: landing.at,
    type: 'nps_dismissed',
    prompt: 'p1234567',
  };
  const SCORES = [0, 6, 7, 8, 9, 10, 11, -1, 1.5, 9.000001, '9', -0];

  it('NPS events', () => {
    expectAgreement(eventSchema, eventCheck, [
      ...variants({ ...npsShown, ref: undefined }, SAMPLES),
      { ...npsShown, ref: undefined },
      ...variants({ ...npsDismissed, score: 3 }, [...SAMPLES, ...SCORES]),
      { ...npsDismissed, type: 'nps_shown', score: 3 },
    ]);
  });

  it('NPS score and comment', () => {
    expectAgreement(npsScoreSchema, npsScoreCheck, [...SCORES, ...JUNK]);
    const comments = [MAX_NPS_COMMENT, MAX_NPS_COMMENT + 1].flatMap((length) => [
      'a'.repeat(length),
      ` ${'a'.repeat(length - 1)}  `,
      `\n${'a'.repeat(length)}\t`,
    ]);
    expectAgreement(npsCommentSchema, npsCommentCheck, [...comments, ...SAMPLES]);
  });

  it('NPS request', () => {
    const request = {
      id: 'prompt01',
      score: 3,
      comment: 'Slow delivery',
      customer: 'c-1',
      site: 'pk_0123456789abcdef',
      visitor: 'visitor01',
      at: '2026-01-01T00:00:00Z',
      url: 'https://shop.example/thanks',
      contact: true,
      email: 'ada@example.com',
    };
    const { email: _, ...noEmail } = request;
    expectAgreement(npsRequestSchema, npsRequestCheck, [
      ...variants(request, [...SAMPLES, ...SCORES, 'a'.repeat(MAX_NPS_COMMENT + 1)]),
      ...variants({ ...noEmail, contact: false }, [...SAMPLES, ...SCORES]),
      { ...request, contact: false },
      { ...request, contact: undefined },
      ...JUNK,
    ]);
  });

  it('NPS result', () => {
    expectAgreement(npsResultSchema, npsResultCheck, [
      ...variants({ id: 'prompt01', category: 'passive', stored: true }, [
        ...SAMPLES,
        'promoter',
        'detractor',
        'Promoter',
      ]),
      ...JUNK,
    ]);
  });

  it('knows every event type the schema knows', () => {
    const types = eventSchema._zod.def.options.map(
      (option) => option._zod.def.shape.type._zod.def.values[0],
    );
    expect(Object.keys(EVENT_CHECKS).sort()).toEqual([...types].sort());
  });

  it('identity', () => {
    const identity = {
      id: 'c-1',
      email: 'ada@example.com',
      name: 'Ada',
      hash: 'deadbeefdeadbeefdeadbeefdeadbeef',
    };
    expectAgreement(identitySchema, identityCheck, [...variants(identity, SAMPLES), ...JUNK]);
  });

  it('event batch result', () => {
    const numbers = [0, 1, 100, -1, 1.5, 2 ** 53, Number.NaN, Infinity, '1', null];
    expectAgreement(eventBatchResultSchema, eventBatchResultCheck, [
      ...variants({ received: 2, stored: 1 }, numbers),
      ...JUNK,
    ]);
  });

  it('error body', () => {
    const inner = {
      code: 'invalid_request',
      message: 'bad',
      issues: [{ path: 'events.0.at', message: 'x' }],
    };
    const samples = [
      ...JUNK,
      'x',
      [{ path: 1, message: 'x' }],
      [{ path: 'a' }],
      [{ path: 'a', message: 'b', extra: 1 }],
    ];
    expectAgreement(errorBodySchema, errorBodyCheck, [
      ...variants(inner, samples).map((error) => ({ error })),
      ...variants({ error: inner }, samples),
      ...JUNK,
    ]);
  });

  it('amount', () => {
    expectAgreement(amountSchema, amountCheck, [...AMOUNTS, ...SAMPLES]);
  });

  it('reward value and offer', () => {
    const values = [PERCENT, AMOUNT, CREDIT];
    const samples = [...SAMPLES, ...AMOUNTS, 'percent', 'amount', 'credit', 100, 101, 0];
    const variantsOfValues = values.flatMap((value) => variants(value, samples));
    expectAgreement(rewardValueSchema, rewardValueCheck, [
      ...variantsOfValues,
      { kind: 'percent', amount: 5, currency: 'EUR' },
      { kind: 'credit', percent: 5 },
      ...JUNK,
    ]);
    expectAgreement(offerSchema, offerCheck, [
      ...variants(OFFER, [...SAMPLES, ...values, ...variantsOfValues.slice(0, 40)]),
      ...JUNK,
    ]);
  });

  it('public referral program', () => {
    expectAgreement(publicReferralProgramSchema, publicReferralProgramCheck, [
      ...variants(PROGRAM, [...SAMPLES, ...AMOUNTS, OFFER, { value: PERCENT }]),
      ...JUNK,
    ]);
  });

  const reward = {
    id: 'rw_1',
    offer: OFFER,
    status: 'pending',
    reason: 'friend',
    coupon: 'SAVE10',
    approvesAt: '2026-02-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
  };
  const rewardSamples = [...SAMPLES, 'approved', 'voided', 'review', 'milestone', 'offer', OFFER];

  it('reward view', () => {
    expectAgreement(rewardViewSchema, rewardViewCheck, [
      ...variants(reward, rewardSamples),
      ...JUNK,
    ]);
  });

  it('referral', () => {
    const referral = {
      code: 'Ab3dEf7h',
      link: 'https://shop.example/?ref=Ab3dEf7h',
      friends: 2,
      rewards: [reward],
      verified: true,
      friendOffer: OFFER,
      referrerReward: { value: CREDIT, description: '€5.00 store credit' },
    };
    const rewardLists = [[], [reward, reward], variants(reward, rewardSamples).slice(1, 30)];
    expectAgreement(referralSchema, referralCheck, [
      ...variants(referral, [...SAMPLES, ...AMOUNTS, OFFER, ...rewardLists]),
      ...variants(reward, rewardSamples).map((item) => ({ ...referral, rewards: [item] })),
      ...JUNK,
    ]);
  });

  it('referral landing', () => {
    const landing = {
      code: 'Ab3dEf7h',
      referrerName: 'Ada',
      offer: OFFER,
      coupon: 'FRIEND10',
      claimable: false,
    };
    expectAgreement(referralLandingSchema, referralLandingCheck, [
      ...variants(landing, [...SAMPLES, OFFER]),
      ...JUNK,
    ]);
  });

  it('coupon claim result', () => {
    expectAgreement(couponClaimResultSchema, couponClaimResultCheck, [
      ...variants({ coupon: 'FRIEND-7x2' }, SAMPLES),
      ...JUNK,
    ]);
  });

  it('conversion input', () => {
    const input = {
      orderId: 'ord-1',
      amount: 42.5,
      currency: 'EUR',
      email: 'ben@example.com',
      coupon: 'FRIEND10',
    };
    expectAgreement(conversionInputSchema, conversionInputCheck, [
      ...variants(input, [...SAMPLES, ...AMOUNTS]),
      ...JUNK,
    ]);
  });

  it('conversion request', () => {
    const request = {
      orderId: 'ord-1',
      amount: 42.5,
      currency: 'EUR',
      email: 'ben@example.com',
      coupon: 'FRIEND10',
      site: 'pk_0123456789abcdef',
      ref: 'Ab3dEf7h',
      visitor: 'visitor01',
      customer: { id: 'c-1', email: 'ben@example.com', hash: 'deadbeefdeadbeefdeadbeefdeadbeef' },
      referrerDomain: 'deals.example',
    };
    const customers = [{ id: 'c-2' }, { id: '' }, { id: 'c-2', role: 'admin' }, { name: 'Ben' }];
    expectAgreement(conversionRequestSchema, conversionRequestCheck, [
      ...variants(request, [
        ...SAMPLES,
        ...AMOUNTS,
        ...customers,
        'a'.repeat(253),
        'a'.repeat(254),
      ]),
      ...JUNK,
    ]);
  });

  it('conversion result', () => {
    const result = { orderId: 'ord-1', status: 'attributed', ref: 'Ab3dEf7h', verified: false };
    expectAgreement(conversionResultSchema, conversionResultCheck, [
      ...variants(result, [...SAMPLES, 'none', 'review', 'refunded']),
      ...JUNK,
    ]);
  });

  it('NPS rules', () => {
    expectAgreement(npsRulesSchema, npsRulesCheck, [
      ...variants(NPS_RULES, [...SAMPLES, ...RULE_VALUES]),
      { afterConversionDays: null },
      ...JUNK,
    ]);
  });

  const SHARE = {
    channels: ['native', 'whatsapp', 'copy'],
    text: 'Lather & Leaf soaps',
    rewardOn: 'visit',
    incentive: OFFER,
    campaign: 'spring-2030',
  };

  it('site config', () => {
    const config = {
      site: 'pk_0123456789abcdef',
      name: 'Lather & Leaf',
      consentRequired: true,
      attributionDays: 30,
      attribution: 'last',
      locale: 'en-GB',
      theme: { accent: '#0a7', 'font-family': 'Georgia, serif' },
      identityVerification: false,
      referral: PROGRAM,
      nps: NPS_RULES,
      share: SHARE,
    };
    const themes = [
      {},
      { Upper: 'x' },
      { ok: 'a;b' },
      { ok: 'x'.repeat(201) },
      { ok: 1 },
      { '9lead': 'x' },
    ];
    expectAgreement(siteConfigSchema, siteConfigCheck, [
      ...variants(config, [...SAMPLES, 1, 365, 366, 'first', ...themes, PROGRAM]),
      ...variants(PROGRAM, [...SAMPLES, OFFER]).map((referral) => ({ ...config, referral })),
      ...variants(NPS_RULES, [...SAMPLES, ...RULE_VALUES]).map((nps) => ({ ...config, nps })),
      ...variants(SHARE, [...SAMPLES, OFFER, ['x', 'copy'], 'a b'])
        // Lists of unknown names are the one difference on purpose (below).
        .filter((share) => !(share as typeof SHARE).channels?.includes?.('a'))
        .map((share) => ({ ...config, share })),
      { ...config, referral: null, nps: {}, share: null },
      { ...config, share: { ...SHARE, text: undefined, rewardOn: null, incentive: null } },
      ...JUNK,
    ]);
    // One difference on purpose: a channel name the page's code does not know (a newer
    // server's) is kept, not a reason to refuse the whole config; the share widget skips it.
    const newer = { ...config, share: { ...SHARE, channels: ['x', 'fax'] } };
    expect(siteConfigSchema.safeParse(newer).success).toBe(false);
    expect(validate(siteConfigCheck, newer).ok).toBe(true);
  });
});

describe('check messages name the field', () => {
  it('names the NPS fields as the server does', () => {
    const body = {
      id: 'prompt01',
      score: 11,
      comment: 'a'.repeat(MAX_NPS_COMMENT + 1),
      at: '2026-01-01T00:00:00Z',
    };
    const schemaIssues = npsRequestSchema.safeParse(body).error?.issues ?? [];
    const result = validate(npsRequestCheck, body);
    expect(!result.ok && result.issues).toEqual([
      { path: 'score', message: 'must be an integer from 0 to 10' },
      { path: 'comment', message: `must be at most ${MAX_NPS_COMMENT} characters` },
    ]);
    expect(schemaIssues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['score', 'must be an integer from 0 to 10'],
      ['comment', `must be at most ${MAX_NPS_COMMENT} characters`],
    ]);
    const emailOnly = validate(npsRequestCheck, {
      ...body,
      score: 3,
      comment: undefined,
      email: 'ada@example.com',
    });
    expect(!emailOnly.ok && emailOnly.issues).toEqual([
      { path: 'email', message: 'is accepted only together with "contact": true' },
    ]);
  });

  it('names the NPS rules as the schema does', () => {
    const rules = { delayMs: -1, include: ['/a*', ''], colour: 'red' };
    const result = validate(npsRulesCheck, rules);
    expect(!result.ok && result.issues).toEqual([
      { path: 'delayMs', message: 'must be 0–3600000 ms' },
      { path: 'include.1', message: 'must be 1–500 characters' },
      { path: 'colour', message: 'unknown field' },
    ]);
    const schemaIssues = npsRulesSchema.safeParse(rules).error?.issues ?? [];
    expect(schemaIssues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['delayMs', 'must be 0–3600000 ms'],
      ['include.1', 'must be 1–500 characters'],
      ['', expect.any(String)],
    ]);
    expect(schemaIssues[2]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
  });

  it('lists every issue with its path', () => {
    const result = validate(identityCheck, { id: '', email: 'nope', role: 'admin' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { path: 'id', message: 'must be 1–128 characters' },
      { path: 'email', message: 'must be an email address' },
      { path: 'role', message: 'unknown field' },
    ]);
  });
});
