import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';
import { bodyHash } from './bodyHash.js';
import { buyerFacts } from './buyerFacts.js';
import { findDuplicateBody } from './findDuplicateBody.js';
import { contentSpamReasons, type SpamReason, type SpamRules } from './spamRules.js';
import { createWithdrawToken } from './withdrawToken.js';

/** A testimonial as the server stores it, from a validated submission. */
export interface TestimonialSubmission {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  authorName: string;
  email: string | null;
  product: string | null;
  orderId: string | null;
  photoUrl: string | null;
  consentVersion: string | null;
  customer: string | null;
  /** The customer id came with its identity hash, which the site's key verifies. */
  customerVerified: boolean;
  visitor: string | null;
  url: string | null;
  /** Milliseconds between the form showing and its sending, when the page measured it. */
  fillMs: number | undefined;
  /** The hidden field was filled: a bot's work. */
  honeypot: boolean;
}

/** What `POST /v1/testimonials` answers. */
export interface TestimonialReceipt {
  id: string;
  /** Always `pending`, whatever became of it, so that the answer tells a bot nothing. */
  status: 'pending';
  /** False when the same id was stored before. */
  stored: boolean;
  /** The author's withdrawal token: in the first answer only. */
  withdrawToken?: string;
}

/** The reject reason of a testimonial whose hidden field was filled. */
export const HONEYPOT_REASON = 'spam: the hidden field was filled';

/** The fields a retry must carry unchanged, with their stored columns. */
const CONTENT = [
  ['rating', 'rating'],
  ['title', 'title'],
  ['body', 'body'],
  ['authorName', 'author_name'],
  ['email', 'email'],
  ['product', 'product'],
  ['orderId', 'order_id'],
  ['photoUrl', 'photo_url'],
] as const;

/**
 * A stored testimonial's answer to a repeated id: the same content is the same
 * submission (`stored: false`, no token: it was shown once); other content is 409
 * `testimonial_conflict` naming each field that differs. Null when the id is new.
 */
export async function repeatedSubmission(
  db: Kysely<VouchTables>,
  siteId: string,
  submission: TestimonialSubmission,
): Promise<TestimonialReceipt | null> {
  const row = await db
    .selectFrom('testimonials')
    .select([...CONTENT.map(([, column]) => column)])
    .where('site_id', '=', siteId)
    .where('id', '=', submission.id)
    .executeTakeFirst();
  if (!row) return null;
  const differing = CONTENT.filter(([field, column]) => row[column] !== submission[field]);
  if (differing.length) {
    throw new ApiError(
      409,
      'testimonial_conflict',
      `The testimonial ${submission.id} was stored with other content; a retry must carry the same.`,
      {
        issues: differing.map(([field]) => ({
          path: field,
          message: 'differs from the stored one',
        })),
      },
    );
  }
  return { id: submission.id, status: 'pending', stored: false };
}

/**
 * Stores a new testimonial as `pending`, flagged with the spam reasons found (it stays
 * for the merchant to decide: nothing a real shopper wrote is thrown away by a
 * threshold), with what the records say about its author, and with the hash of a new
 * withdrawal token, which only this answer carries. A filled honeypot is stored as
 * `rejected` (reason `honeypot`) and answered exactly like any other submission, so a
 * bot cannot tell it was caught, while a merchant can still restore the rare person whose
 * browser filled the hidden field. Two requests with one id at once store it once; the
 * later one answers as a retry.
 */
export async function recordTestimonial(
  db: Kysely<VouchTables>,
  siteId: string,
  submission: TestimonialSubmission,
  rules: SpamRules,
  now: number,
): Promise<TestimonialReceipt> {
  const at = new Date(now).toISOString();
  const hash = bodyHash(submission.body);
  const reasons: SpamReason[] = submission.honeypot ? ['honeypot'] : [];
  reasons.push(
    ...contentSpamReasons(
      { fillMs: submission.fillMs, texts: [submission.title ?? '', submission.body] },
      rules,
    ),
  );
  const since = new Date(now - rules.duplicateDays * 86_400_000).toISOString();
  if (await findDuplicateBody(db, siteId, hash, since)) reasons.push('duplicate');
  const facts = await buyerFacts(db, siteId, submission);
  const withdraw = createWithdrawToken();
  const inserted = await db
    .insertInto('testimonials')
    .values({
      site_id: siteId,
      id: submission.id,
      status: submission.honeypot ? 'rejected' : 'pending',
      reject_reason: submission.honeypot ? HONEYPOT_REASON : null,
      rating: submission.rating,
      title: submission.title,
      body: submission.body,
      body_hash: hash,
      author_name: submission.authorName,
      email: submission.email,
      product: submission.product,
      order_id: submission.orderId,
      photo_url: submission.photoUrl,
      consent_version: submission.consentVersion,
      consented_at: at,
      customer: submission.customer,
      visitor: submission.visitor,
      url: submission.url,
      verified_buyer: facts.verifiedBuyer ? 1 : 0,
      incentivized: facts.incentivized ? 1 : 0,
      spam_reasons: JSON.stringify(reasons),
      withdraw_hash: withdraw.hash,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    // Stored by a request that ran at the same time (or already withdrawn again): not
    // stored by this one, which therefore carries no token.
    return (
      (await repeatedSubmission(db, siteId, submission)) ?? {
        id: submission.id,
        status: 'pending',
        stored: false,
      }
    );
  }
  return { id: submission.id, status: 'pending', stored: true, withdrawToken: withdraw.token };
}
