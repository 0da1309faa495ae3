import {
  adminPageSchema,
  advocateListQuerySchema,
  advocateSchema,
  conversionListQuerySchema,
  conversionRecordSchema,
  conversionRequestSchema,
  conversionResultSchema,
  couponClaimResultSchema,
  couponClaimSchema,
  referralLandingSchema,
  referralListQuerySchema,
  referralRecordSchema,
  referralRequestSchema,
  referralSchema,
  refundResultSchema,
  rewardListQuerySchema,
  rewardRecordSchema,
} from '@vouch/core/schemas';
import * as z from 'zod/mini';
import { error, type JsonObject, json, ref, schemaOf, siteKeyHeader, use } from './openApiParts.js';

/** A required JSON (or text/plain, as browsers send it) request body of schema `name`. */
export const body = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) }, 'text/plain': { schema: ref(name) } },
});
/** A 200 response of schema `name`. */
export const ok = (description: string, name: string) => ({
  description,
  content: json(ref(name)),
});
/** A required path parameter. */
export const inPath = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
/** The errors every browser write may answer. */
export const browserErrors = {
  400: use('InvalidRequest'),
  403: use('OriginNotAllowed'),
  404: use('SiteNotFound'),
  413: use('BodyTooLarge'),
  429: use('RateLimited'),
  500: use('Internal'),
};
/** The errors every admin call may answer. */
export const adminErrors = {
  400: use('InvalidRequest'),
  401: use('Unauthorized'),
  500: use('Internal'),
};
/** An admin call: the secret key. */
export const admin = { security: [{ secretKey: [] }] };

/** Every parameter of a query schema, optional, described by its own schema. */
export function queryParameters(schema: z.ZodMiniObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: schemaOf(field as z.core.$ZodType, 'input'),
  }));
}

const decision = (verb: string, conflicts: string) => ({
  post: {
    ...admin,
    summary: `${verb} a reward`,
    parameters: [inPath('id', 'The reward id (rwd_…)')],
    responses: {
      200: ok('The reward as it is now', 'RewardRecord'),
      ...adminErrors,
      404: error('No such reward (`reward_not_found`).'),
      409: error(conflicts),
    },
  },
});

/** The referral, conversion and reward routes, for the API document's `paths`. */
export function referralPaths(): JsonObject {
  return {
    '/v1/referrals': {
      post: {
        summary: "The identified customer's referral code and link, friends and rewards",
        description:
          'Creates the code on the first call; every later call answers the same code. ' +
          'When the site verifies identities, `customer.hash` must be the HMAC of the id ' +
          '(403 `identity_not_verified`); reward coupons are in the answer only for a ' +
          'verified identity.',
        parameters: [siteKeyHeader],
        requestBody: body('ReferralRequest'),
        responses: {
          200: ok('The referral', 'Referral'),
          ...browserErrors,
          403: error('A foreign origin, or an identity the site requires verified and is not.'),
          404: error('Unknown site key, or no referral program on (`referral_program_off`).'),
        },
      },
    },
    '/v1/referrals/{code}': {
      get: {
        summary: 'What a landing page through a referral link may show',
        parameters: [inPath('code', 'The referral code'), siteKeyHeader],
        responses: {
          200: ok("The referrer's first name and the friend's offer", 'ReferralLanding'),
          400: use('InvalidRequest'),
          403: use('OriginNotAllowed'),
          404: error('Unknown site key, or no such code (`referral_not_found`).'),
          500: use('Internal'),
        },
      },
    },
    '/v1/referrals/{code}/coupon': {
      post: {
        summary: "The friend's coupon for one visitor: the same one every time",
        parameters: [inPath('code', 'The referral code'), siteKeyHeader],
        requestBody: body('CouponClaim'),
        responses: {
          200: ok('The coupon', 'CouponClaimResult'),
          ...browserErrors,
          404: error('Unknown site key, or no such code (`referral_not_found`).'),
          409: error(
            'The friend offer has no coupon (`no_friend_coupon`) or its pool is empty (`coupons_exhausted`).',
          ),
        },
      },
    },
    '/v1/conversions': {
      post: {
        summary: 'Record an order, idempotent by orderId',
        description:
          'From a browser (public key, allowed origin) it is unverified; with ' +
          '`Authorization: Bearer sk_…` it is verified, and confirms an order a browser ' +
          'recorded. The same order again gets the same answer; with another amount or ' +
          'currency it is 409 `order_conflict`. Credited to `ref`, or to the code whose ' +
          'friend coupon was used; flagged orders go to review with reason codes (admin API).',
        parameters: [siteKeyHeader],
        requestBody: body('ConversionRequest'),
        responses: {
          200: ok('What was recorded', 'ConversionResult'),
          ...browserErrors,
          401: use('Unauthorized'),
          409: error(
            'The order id was recorded with another amount or currency (`order_conflict`).',
          ),
        },
      },
    },
    '/v1/admin/referrals': {
      get: {
        ...admin,
        summary: 'Referral codes, newest first, with friends and conversions',
        parameters: queryParameters(referralListQuerySchema),
        responses: { 200: ok('A page', 'ReferralPage'), ...adminErrors },
      },
    },
    '/v1/admin/conversions': {
      get: {
        ...admin,
        summary: 'Conversions, newest first, with fraud reasons',
        parameters: queryParameters(conversionListQuerySchema),
        responses: { 200: ok('A page', 'ConversionPage'), ...adminErrors },
      },
    },
    '/v1/admin/rewards': {
      get: {
        ...admin,
        summary: 'Rewards, newest first; due ones are approved first',
        parameters: queryParameters(rewardListQuerySchema),
        responses: { 200: ok('A page', 'RewardPage'), ...adminErrors },
      },
    },
    '/v1/admin/rewards/{id}/approve': decision(
      'Approve (issuing its coupon)',
      'Voided (`reward_voided`), or its coupon pool is empty (`coupons_exhausted`).',
    ),
    '/v1/admin/rewards/{id}/void': decision(
      'Void',
      'Already approved: approved rewards are final (`reward_approved`).',
    ),
    '/v1/admin/orders/{orderId}/refund': {
      post: {
        ...admin,
        summary: 'Mark an order refunded and void its pending and flagged rewards',
        parameters: [inPath('orderId', "The merchant's order id")],
        responses: {
          200: ok('Voided and kept rewards; the same answer again', 'RefundResult'),
          ...adminErrors,
          404: error('No such order (`order_not_found`).'),
        },
      },
    },
    '/v1/admin/advocates': {
      get: {
        ...admin,
        summary: 'Customers with the most credited friends, then approved rewards',
        parameters: queryParameters(advocateListQuerySchema),
        responses: { 200: ok('The advocates', 'Advocates'), ...adminErrors },
      },
    },
  };
}

/** The schemas {@link referralPaths} refers to, for the document's components. */
export function referralSchemas(): JsonObject {
  return {
    ReferralRequest: schemaOf(referralRequestSchema, 'input'),
    Referral: schemaOf(referralSchema, 'output'),
    ReferralLanding: schemaOf(referralLandingSchema, 'output'),
    CouponClaim: schemaOf(couponClaimSchema, 'input'),
    CouponClaimResult: schemaOf(couponClaimResultSchema, 'output'),
    ConversionRequest: schemaOf(conversionRequestSchema, 'input'),
    ConversionResult: schemaOf(conversionResultSchema, 'output'),
    RewardRecord: schemaOf(rewardRecordSchema, 'output'),
    ReferralPage: schemaOf(adminPageSchema(referralRecordSchema), 'output'),
    ConversionPage: schemaOf(adminPageSchema(conversionRecordSchema), 'output'),
    RewardPage: schemaOf(adminPageSchema(rewardRecordSchema), 'output'),
    RefundResult: schemaOf(refundResultSchema, 'output'),
    Advocates: schemaOf(z.object({ items: z.array(advocateSchema) }), 'output'),
  };
}
