import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  authorNameSchema,
  consentVersionSchema,
  httpsUrlSchema,
  MAX_AUTHOR_NAME,
  MAX_HONEYPOT,
  MAX_TESTIMONIAL_BODY,
  MAX_TESTIMONIAL_TITLE,
  MIN_TESTIMONIAL_BODY,
  productIdSchema,
  publicTestimonialSchema,
  ratingHistogramSchema,
  ratingSummarySchema,
  starRatingSchema,
  testimonialBodySchema,
  testimonialInputSchema,
  testimonialPageSchema,
  testimonialTitleSchema,
} from '../schemas/testimonials.js';
import { expectAgreement, JUNK, variants } from '../testing/twinAgreement.js';
import { type Check, validate } from './check.js';
import {
  httpsUrlCheck,
  productIdCheck,
  publicTestimonialCheck,
  ratingHistogramCheck,
  ratingSummaryCheck,
  starRatingCheck,
  testimonialPageCheck,
} from './testimonialChecks.js';
import {
  authorNameCheck,
  consentVersionCheck,
  testimonialBodyCheck,
  testimonialInputCheck,
  testimonialTitleCheck,
} from './testimonialInputCheck.js';

// Values on every edge of the testimonial rules: trimmed lengths, URL schemes and
// lengths, whitespace inside ids, tokens, ratings, and the usual junk.
const lengths = (sizes: number[]) =>
  sizes.flatMap((size) => [
    'a'.repeat(size),
    ` ${'a'.repeat(size)} `,
    `\n\t${'a'.repeat(Math.max(size - 1, 0))}\u00a0`,
  ]);
const STRINGS = [
  '',
  ' ',
  '   \n\t ',
  'a',
  'ab c',
  'sku-1',
  'gid://shop/Product/1',
  'sku 1',
  'sku\t1',
  'é'.repeat(10),
  'reviews-2026.01_a',
  'reviews 2026',
  'a;b',
  '<script>alert(1)</script>',
  ...lengths([
    1,
    9,
    10,
    11,
    64,
    65,
    MAX_AUTHOR_NAME,
    MAX_AUTHOR_NAME + 1,
    MAX_TESTIMONIAL_TITLE,
    MAX_TESTIMONIAL_TITLE + 1,
    128,
    129,
    MAX_HONEYPOT,
    MAX_HONEYPOT + 1,
    MAX_TESTIMONIAL_BODY,
    MAX_TESTIMONIAL_BODY + 1,
  ]),
  'https://cdn.shop.example/p.jpg',
  'HTTPS://CDN.SHOP.EXAMPLE/P.JPG',
  'http://cdn.shop.example/p.jpg',
  'https://',
  '//cdn.shop.example/p.jpg',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  `https://cdn.shop.example/${'a'.repeat(2023)}`,
  `https://cdn.shop.example/${'a'.repeat(2024)}`,
  'https://shop.example/thanks',
  'pk_0123456789abcdef',
  'abc12345',
  'ord-1',
  'ada@example.com',
  'a@b',
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.123+02:00',
  '2026-01-01',
  '2026-02-30T00:00:00Z',
];
// Characters outside the Basic Multilingual Plane: the schemas count code points, so an
// emoji is one character. Only for the testimonial rules: the shared ids (order, customer)
// have twins of their own, held to their schemas in wireChecks.test.ts.
const ASTRAL = [
  '😀'.repeat(5),
  '😀'.repeat(9),
  '😀'.repeat(10),
  ` ${'😀'.repeat(80)} `,
  '😀'.repeat(81),
  `${'😀'.repeat(60)}${'a'.repeat(61)}`,
  '😀'.repeat(1000),
  '😀'.repeat(1001),
  '😀'.repeat(5000),
  '😀'.repeat(5001),
  '\ud800'.repeat(10),
  `a\udc00${'b'.repeat(8)}`,
];
const RATINGS = [1, 2, 3, 4, 5, 0, 6, -0, 4.5, 5.000001, '5', 1e300];
const NUMBERS = [0, 1, 60_000, -1, 1.5, 2 ** 53, 2 ** 53 - 1, Number.NaN, Infinity];
const SAMPLES = [...STRINGS, ...JUNK, ...RATINGS, ...NUMBERS];

const INPUT = {
  id: 'review01',
  rating: 4,
  body: 'Lovely soap, lasts for weeks.',
  title: 'Lasts',
  authorName: 'Ada L.',
  email: 'ada@example.com',
  product: 'sku-1',
  orderId: 'A-1001',
  photoUrl: 'https://cdn.shop.example/p.jpg',
  consent: true,
  consentVersion: 'reviews-2026-01',
  site: 'pk_0123456789abcdef',
  visitor: 'visitor01',
  customer: 'c-1',
  at: '2026-01-01T00:00:00Z',
  url: 'https://shop.example/products/sku-1',
  honeypot: '',
  fillMs: 42_000,
};
const TESTIMONIAL = {
  id: 't_1',
  rating: 5,
  body: 'Lovely soap, lasts for weeks.',
  title: 'Lasts',
  authorName: 'Ada L.',
  createdAt: '2026-01-01T00:00:00Z',
  product: 'sku-1',
  verifiedBuyer: true,
  incentivized: false,
  reply: { body: 'Thank you!', createdAt: '2026-01-02T00:00:00Z' },
  photoUrl: 'https://cdn.shop.example/p.jpg',
};
const HISTOGRAM = { 1: 0, 2: 1, 3: 0, 4: 2, 5: 7 };
const SUMMARY = { product: 'sku-1', average: 4.5, count: 10, histogram: HISTOGRAM };

describe('testimonial checks agree with the zod schemas', () => {
  it.each([
    ['starRating', starRatingSchema, starRatingCheck],
    ['productId', productIdSchema, productIdCheck],
    ['httpsUrl', httpsUrlSchema, httpsUrlCheck],
    ['testimonialBody', testimonialBodySchema, testimonialBodyCheck],
    ['testimonialTitle', testimonialTitleSchema, testimonialTitleCheck],
    ['authorName', authorNameSchema, authorNameCheck],
    ['consentVersion', consentVersionSchema, consentVersionCheck],
  ] as const)('%s', (_, schema, check) => {
    expectAgreement(schema as z.ZodMiniType<unknown>, check as Check<unknown>, [
      ...SAMPLES,
      ...ASTRAL,
    ]);
  });

  it('testimonial input', () => {
    const { id: _, title: __, ...required } = INPUT;
    expectAgreement(testimonialInputSchema, testimonialInputCheck, [
      ...variants(INPUT, [...SAMPLES, 'true', 'yes']),
      required,
      ...['body', 'title', 'authorName', 'honeypot'].flatMap((key) =>
        ASTRAL.map((sample) => ({ ...INPUT, [key]: sample })),
      ),
      { rating: 1, body: 'It broke on day two.', authorName: 'B', consent: true },
      ...JUNK,
    ]);
  });

  it('public testimonial and page', () => {
    const replies = [
      { body: 'x' },
      { body: 'x', createdAt: '2026-01-02T00:00:00Z', by: 'shop' },
      { body: 1, createdAt: '2026-01-02T00:00:00Z' },
    ];
    const testimonials = variants(TESTIMONIAL, [...SAMPLES, ...replies]);
    expectAgreement(publicTestimonialSchema, publicTestimonialCheck, [...testimonials, ...JUNK]);
    expectAgreement(testimonialPageSchema, testimonialPageCheck, [
      ...testimonials.map((item) => ({ items: [TESTIMONIAL, item], nextCursor: null })),
      ...variants({ items: [TESTIMONIAL], nextCursor: 'abc' }, [...SAMPLES, [TESTIMONIAL]]),
      ...JUNK,
    ]);
  });

  it('rating summary', () => {
    const averages = [1, 4.5, 5, 0.9, 5.1, null, Number.NaN];
    expectAgreement(ratingHistogramSchema, ratingHistogramCheck, [
      ...variants(HISTOGRAM, NUMBERS),
      ...JUNK,
    ]);
    expectAgreement(ratingSummarySchema, ratingSummaryCheck, [
      ...variants(SUMMARY, [...SAMPLES, ...averages, HISTOGRAM, { ...HISTOGRAM, 3: -1 }]),
      { average: null, count: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
      ...JUNK,
    ]);
  });
});

describe('testimonial check messages name the field', () => {
  it('names each bad field as the schema does', () => {
    const body = {
      rating: 0,
      body: '  too short ',
      title: '   ',
      authorName: '',
      photoUrl: 'http://cdn.shop.example/p.jpg',
      consent: false,
      fillMs: -5,
    };
    const expected = [
      { path: 'rating', message: 'must be an integer from 1 to 5' },
      { path: 'body', message: 'must be 10–5000 characters' },
      { path: 'title', message: 'must be 1–120 characters' },
      { path: 'authorName', message: 'must be 1–80 characters' },
      { path: 'photoUrl', message: 'must be an absolute https URL of at most 2048 characters' },
      { path: 'consent', message: 'must be true: the author agrees to publish' },
      { path: 'fillMs', message: 'must be a whole number of milliseconds ≥ 0' },
    ];
    const result = validate(testimonialInputCheck, body);
    expect(!result.ok && result.issues).toEqual(expected);
    const schemaIssues = testimonialInputSchema.safeParse(body).error?.issues ?? [];
    expect(
      schemaIssues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    ).toEqual(expected);
  });

  it('asks for consent when it is missing', () => {
    const { consent: _, ...noConsent } = INPUT;
    const result = validate(testimonialInputCheck, noConsent);
    expect(!result.ok && result.issues).toEqual([
      { path: 'consent', message: 'must be true: the author agrees to publish' },
    ]);
    expect(testimonialInputSchema.safeParse(noConsent).error?.issues[0]?.message).toBe(
      'must be true: the author agrees to publish',
    );
  });

  it('holds the limits equal', () => {
    expect([MIN_TESTIMONIAL_BODY, MAX_TESTIMONIAL_BODY, MAX_TESTIMONIAL_TITLE]).toEqual([
      10, 5000, 120,
    ]);
    expect([MAX_AUTHOR_NAME, MAX_HONEYPOT]).toEqual([80, 1000]);
  });
});

describe('testimonialInputSchema', () => {
  it('trims the texts it stores and keeps the anti-bot fields for the server to judge', () => {
    const parsed = testimonialInputSchema.parse({
      ...INPUT,
      body: '\n  Lovely soap, lasts for weeks.  ',
      title: ' Lasts ',
      authorName: ' Ada L. ',
      honeypot: 'https://spam.example',
      fillMs: 0,
    });
    expect(parsed).toMatchObject({
      body: 'Lovely soap, lasts for weeks.',
      title: 'Lasts',
      authorName: 'Ada L.',
      honeypot: 'https://spam.example',
      fillMs: 0,
    });
  });

  it('keeps markup as plain text', () => {
    const body = '<img src=x onerror=alert(1)> and </script><!--';
    expect(testimonialInputSchema.parse({ ...INPUT, body }).body).toBe(body);
  });
});
