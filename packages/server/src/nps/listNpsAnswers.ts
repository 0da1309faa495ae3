import type { Kysely, Selectable } from 'kysely';
import type { NpsAnswersTable, VouchTables } from '../db/schema.js';
import type { NpsAnswerRecord, NpsResponsesQuery } from '../schemas/npsAdminSchemas.js';
import { rangeBounds } from './npsDateRange.js';

/** Answers listed when the query sets no `limit`. */
export const DEFAULT_NPS_LIMIT = 50;

/** A stored answer as the admin API shows it. */
export function toNpsAnswerRecord(row: Selectable<NpsAnswersTable>): NpsAnswerRecord {
  return {
    id: row.id,
    score: row.score,
    category: row.category as NpsAnswerRecord['category'],
    comment: row.comment,
    contact: Boolean(row.contact),
    email: row.email,
    customer: row.customer,
    visitor: row.visitor,
    url: row.url,
    at: row.at,
  };
}

/**
 * A site's answers, newest first, filtered by range, category, consent to be contacted
 * and whether they carry a comment; `limit` answers, or every one when `limit` is null
 * (the CSV export).
 */
export async function listNpsAnswers(
  db: Kysely<VouchTables>,
  siteId: string,
  query: NpsResponsesQuery,
  limit: number | null = query.limit ?? DEFAULT_NPS_LIMIT,
): Promise<NpsAnswerRecord[]> {
  const { from, before } = rangeBounds(query);
  let select = db.selectFrom('nps_answers').selectAll().where('site_id', '=', siteId);
  if (from) select = select.where('at', '>=', from);
  if (before) select = select.where('at', '<', before);
  if (query.category) select = select.where('category', '=', query.category);
  if (query.contact) select = select.where('contact', '=', query.contact === 'true' ? 1 : 0);
  if (query.commented === 'true') select = select.where('comment', 'is not', null);
  if (query.commented === 'false') select = select.where('comment', 'is', null);
  select = select.orderBy('at', 'desc').orderBy('id');
  if (limit !== null) select = select.limit(limit);
  return (await select.execute()).map(toNpsAnswerRecord);
}
