import { npsCategory } from '@vouch/core';
import type { NpsRequest, NpsResult } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { ApiError } from '../http/ApiError.js';

/**
 * Stores an answer once per site and prompt id. The same id again with the same score
 * is the same answer (`stored: false`, nothing changes); with another score it is a
 * conflict (409 `nps_conflict`), since a retry never changes its score. The category is
 * computed here and stored with the answer, with the consent to be contacted.
 */
export async function recordNpsAnswer(
  db: Kysely<VouchTables>,
  siteId: string,
  request: NpsRequest,
  now: number,
): Promise<NpsResult> {
  const category = npsCategory(request.score);
  const comment = request.comment ? request.comment : null;
  const inserted = await db
    .insertInto('nps_answers')
    .values({
      site_id: siteId,
      id: request.id,
      score: request.score,
      category,
      comment,
      contact: request.contact ? 1 : 0,
      email: request.email ?? null,
      customer: request.customer ?? null,
      visitor: request.visitor ?? null,
      url: request.url ?? null,
      at: new Date(request.at).toISOString(),
      created_at: new Date(now).toISOString(),
    })
    .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    return { id: request.id, category, stored: true };
  }
  const existing = await db
    .selectFrom('nps_answers')
    .select(['score', 'category'])
    .where('site_id', '=', siteId)
    .where('id', '=', request.id)
    .executeTakeFirstOrThrow();
  if (existing.score !== request.score) {
    throw new ApiError(
      409,
      'nps_conflict',
      `The answer ${request.id} was stored with the score ${existing.score}; a retry must carry the same score.`,
      { issues: [{ path: 'score', message: `differs from the stored score ${existing.score}` }] },
    );
  }
  return { id: request.id, category: npsCategory(existing.score), stored: false };
}
