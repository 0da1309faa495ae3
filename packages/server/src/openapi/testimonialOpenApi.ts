import {
  ratingSummarySchema,
  testimonialInputSchema,
  testimonialPageSchema,
} from '@vouch/core/schemas';
import * as z from 'zod/mini';
import {
  adminTestimonialsQuerySchema,
  publicTestimonialsQuerySchema,
  ratingQuerySchema,
  rejectRequestSchema,
  replyRequestSchema,
  testimonialReceiptSchema,
  testimonialRecordSchema,
  withdrawalLinkQuerySchema,
  withdrawRequestSchema,
  withdrawResultSchema,
} from '../schemas/testimonialSchemas.js';
import { error, type JsonObject, schemaOf, siteKeyHeader, use } from './openApiParts.js';
import {
  admin,
  adminErrors,
  body,
  browserErrors,
  inPath,
  ok,
  queryParameters,
} from './referralOpenApi.js';

const testimonialId = inPath('id', 'The testimonial id');
const notFound = error('No such testimonial (`testimonial_not_found`).');
/** How a shop's own server reads the public data (server-side rendering). */
export const SERVER_READ =
  "A request that no browser made (neither `Origin` nor `Sec-Fetch-Site`: a shop's server " +
  'rendering its pages) is answered too, without CORS headers; a browser origin not the ' +
  "site's is refused.";
const publicRead = (
  summary: string,
  description: string,
  query: z.ZodMiniObject,
  name: string,
) => ({
  get: {
    summary,
    description: `${description} ${SERVER_READ}`,
    parameters: [inPath('site', 'The public site key (pk_…)'), ...queryParameters(query)],
    responses: {
      200: {
        ...ok('The answer, `Cache-Control: public, max-age=30` with an ETag', name),
        headers: { ETag: { schema: { type: 'string' } } },
      },
      304: { description: 'Not modified (If-None-Match matched the ETag).' },
      400: error(
        'A bad parameter, named in `issues`; `minRating` is always refused: vouch never filters reviews by rating.',
      ),
      403: use('OriginNotAllowed'),
      404: use('SiteNotFound'),
      500: use('Internal'),
    },
  },
});
/** A page of the author's withdrawal link: HTML for people, not JSON. */
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});
const nothingToWithdraw = html(
  '"Nothing to withdraw": the same page for a bad site, id or token and for a review already gone.',
);
/** The author's withdrawal link, as the first answer's `withdrawUrl` gives it. */
const withdrawalLink = (summary: string, description: string) => ({
  summary,
  description:
    `${description} The link holds a secret: the page is sent with \`Cache-Control: ` +
    'no-store`, `Referrer-Policy: no-referrer` and `X-Robots-Tag: noindex`.',
  parameters: [
    testimonialId,
    ...queryParameters(withdrawalLinkQuerySchema).map((query) => ({ ...query, required: true })),
  ],
});
const moderation = (summary: string, requestBody?: string) => ({
  ...admin,
  summary,
  parameters: [testimonialId],
  ...(requestBody ? { requestBody: body(requestBody) } : {}),
  responses: {
    200: ok('The testimonial as it is now', 'TestimonialRecord'),
    ...adminErrors,
    404: notFound,
  },
});

/** The testimonial routes, for the API document's `paths`. */
export function testimonialPaths(): JsonObject {
  return {
    '/v1/testimonials': {
      post: {
        summary: 'Submit a testimonial; stored pending until the merchant approves it',
        description:
          'Idempotent by `id` (chosen by the server when absent): the same content again ' +
          'answers `stored: false` without the withdrawal token and link, which only the ' +
          'first answer carries: `withdrawToken` (for `POST /v1/testimonials/{id}/withdraw`) ' +
          "and `withdrawUrl`, the author's page at `/v1/testimonials/{id}/withdrawal`, to " +
          'show or send to the author; other content under the same id is 409 `testimonial_conflict` ' +
          'naming each differing field. Spam checks flag it for the merchant (`too_fast`, ' +
          '`too_many_links`, `duplicate`); a filled honeypot is stored rejected and answered ' +
          'like any other. New testimonials are also limited per address (429).',
        parameters: [siteKeyHeader],
        requestBody: body('TestimonialInput'),
        responses: {
          200: ok('Received, pending moderation', 'TestimonialReceipt'),
          ...browserErrors,
          409: error('The id was stored with other content (`testimonial_conflict`).'),
        },
      },
    },
    '/v1/testimonials/{id}/withdraw': {
      post: {
        summary: 'The author withdraws consent: the testimonial is deleted',
        description:
          'With the `withdrawToken` of the first answer. It leaves every public read (list ' +
          'and rating) at once. A wrong token and an unknown id are the same 404.',
        parameters: [testimonialId, siteKeyHeader],
        requestBody: body('WithdrawRequest'),
        responses: {
          200: ok('Withdrawn', 'WithdrawResult'),
          ...browserErrors,
          404: error('Unknown site key, or no testimonial with this id and token.'),
        },
      },
    },
    '/v1/testimonials/{id}/withdrawal': {
      get: {
        ...withdrawalLink(
          "The author's withdrawal link: a page that asks first",
          'The `withdrawUrl` of the first answer (`?site=pk_…&token=wd_…`). Opening it ' +
            'changes nothing (a mail client that fetches links ahead withdraws nothing): it ' +
            'asks, with one button that posts to the same address.',
        ),
        responses: { 200: html('The question, with its one button'), 404: nothingToWithdraw },
      },
      post: {
        ...withdrawalLink(
          "The withdrawal page's button: withdraws, as `POST …/withdraw` does",
          'Posted by the page to its own address; limited per address like other browser ' +
            'writes.',
        ),
        responses: {
          200: html('"Your review is withdrawn"'),
          404: nothingToWithdraw,
          429: use('RateLimited'),
        },
      },
    },
    '/v1/sites/{site}/testimonials': publicRead(
      'Approved testimonials, a page at a time',
      'Newest first, or `sort=highest` (rating, then newest). `limit` 1–50 (default 10); ' +
        '`cursor` is the `nextCursor` of the previous page with the same sort.',
      publicTestimonialsQuerySchema,
      'TestimonialPage',
    ),
    '/v1/sites/{site}/rating': publicRead(
      'The aggregate rating of a product or the whole site',
      'Counts every approved testimonial, whatever its rating.',
      ratingQuerySchema,
      'RatingSummary',
    ),
    '/v1/admin/testimonials': {
      get: {
        ...admin,
        summary: 'Testimonials, newest first, by status, product, spam flags, verified buyer',
        parameters: queryParameters(adminTestimonialsQuerySchema),
        responses: { 200: ok('A page', 'TestimonialRecordPage'), ...adminErrors },
      },
    },
    '/v1/admin/testimonials/{id}': {
      delete: {
        ...admin,
        summary: 'Delete a testimonial for good',
        parameters: [testimonialId],
        responses: { 200: ok('Deleted', 'TestimonialDeleted'), ...adminErrors, 404: notFound },
      },
    },
    '/v1/admin/testimonials/{id}/approve': { post: moderation('Approve: shown from now on') },
    '/v1/admin/testimonials/{id}/hide': { post: moderation('Hide: no longer shown') },
    '/v1/admin/testimonials/{id}/reject': {
      post: moderation('Reject, with the reason kept for the merchant', 'RejectRequest'),
    },
    '/v1/admin/testimonials/{id}/reply': {
      put: moderation("Set the merchant's public reply", 'ReplyRequest'),
      delete: moderation('Remove the reply'),
    },
  };
}

/** The schemas {@link testimonialPaths} refers to, for the document's components. */
export function testimonialSchemas(): JsonObject {
  return {
    TestimonialInput: schemaOf(testimonialInputSchema, 'input'),
    TestimonialReceipt: schemaOf(testimonialReceiptSchema, 'output'),
    WithdrawRequest: schemaOf(withdrawRequestSchema, 'input'),
    WithdrawResult: schemaOf(withdrawResultSchema, 'output'),
    TestimonialPage: schemaOf(testimonialPageSchema, 'output'),
    RatingSummary: schemaOf(ratingSummarySchema, 'output'),
    TestimonialRecord: schemaOf(testimonialRecordSchema, 'output'),
    TestimonialRecordPage: schemaOf(
      z.object({ items: z.array(testimonialRecordSchema), next: z.nullable(z.string()) }),
      'output',
    ),
    TestimonialDeleted: schemaOf(z.object({ id: z.string(), deleted: z.literal(true) }), 'output'),
    RejectRequest: schemaOf(rejectRequestSchema, 'input'),
    ReplyRequest: schemaOf(replyRequestSchema, 'input'),
  };
}
