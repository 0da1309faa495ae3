import { npsCategory, summarizeNpsCounts } from '@vouch/core';
import { type Kysely, sql } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import type { NpsPeriod, NpsStats, NpsStatsQuery } from '../schemas/npsAdminSchemas.js';
import { rangeBounds } from './npsDateRange.js';
import { periodStart } from './zonedTime.js';

interface Tally {
  promoters: number;
  passives: number;
  detractors: number;
  dismissals: number;
  shown: number;
}

const emptyTally = (): Tally => ({
  promoters: 0,
  passives: 0,
  detractors: 0,
  dismissals: 0,
  shown: 0,
});
const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A tally as the API reports it: NPS and margin by `summarizeNpsCounts`, and the rate. */
function toPeriod(tally: Tally, start?: string): NpsPeriod {
  const summary = summarizeNpsCounts(tally, { dismissals: tally.dismissals });
  return {
    ...(start === undefined ? {} : { start }),
    nps: tenth(summary.nps),
    marginOfError: tenth(summary.marginOfError),
    total: summary.total,
    promoters: tally.promoters,
    passives: tally.passives,
    detractors: tally.detractors,
    dismissals: tally.dismissals,
    shown: tally.shown,
    responseRate: tally.shown === 0 ? null : summary.total / tally.shown,
  };
}

/**
 * NPS statistics of a site over a range of days: the whole range and each period with
 * its NPS, 95% margin, response rate (answers / prompts shown) and dismissals, and the
 * distribution of scores. The database counts answers by minute and score, and prompt
 * events by minute and type (the same SQL on SQLite and PostgreSQL); the minutes are
 * then put in the periods of the zone, which may be a quarter-hour off UTC.
 */
export async function npsStatistics(
  db: Kysely<VouchTables>,
  siteId: string,
  query: NpsStatsQuery,
): Promise<NpsStats> {
  const { from, before } = rangeBounds(query);
  const minute = sql<string>`substr(at, 1, 16)`;

  let answers = db
    .selectFrom('nps_answers')
    .select((eb) => [minute.as('minute'), 'score', eb.fn.countAll<number | string>().as('n')])
    .where('site_id', '=', siteId);
  if (from) answers = answers.where('at', '>=', from);
  if (before) answers = answers.where('at', '<', before);

  let prompts = db
    .selectFrom('events')
    .select((eb) => [minute.as('minute'), 'type', eb.fn.countAll<number | string>().as('n')])
    .where('site_id', '=', siteId)
    .where('type', 'in', ['nps_shown', 'nps_dismissed']);
  if (from) prompts = prompts.where('at', '>=', from);
  if (before) prompts = prompts.where('at', '<', before);

  const [answerCounts, promptCounts] = await Promise.all([
    answers.groupBy([minute, 'score']).execute(),
    prompts.groupBy([minute, 'type']).execute(),
  ]);

  const total = emptyTally();
  const periods = new Map<string, Tally>();
  const distribution = Array.from({ length: 11 }, () => 0);
  const tallyOf = (minuteText: string) => {
    const start = periodStart(Date.parse(`${minuteText}:00Z`), query.interval, query.tz);
    const tally = periods.get(start) ?? emptyTally();
    periods.set(start, tally);
    return tally;
  };

  for (const row of answerCounts) {
    const n = Number(row.n);
    const key = `${npsCategory(row.score)}s` as 'promoters' | 'passives' | 'detractors';
    tallyOf(row.minute)[key] += n;
    total[key] += n;
    distribution[row.score] = (distribution[row.score] ?? 0) + n;
  }
  for (const row of promptCounts) {
    const n = Number(row.n);
    const key = row.type === 'nps_shown' ? 'shown' : 'dismissals';
    tallyOf(row.minute)[key] += n;
    total[key] += n;
  }

  return {
    interval: query.interval,
    tz: query.tz,
    from: query.from ?? null,
    to: query.to ?? null,
    summary: toPeriod(total),
    periods: [...periods.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, tally]) => toPeriod(tally, start)),
    distribution,
  };
}
