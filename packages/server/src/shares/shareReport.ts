import type { ShareReport } from '@vouch/core/schemas';
import type { Kysely } from 'kysely';
import type { VouchTables } from '../db/schema.js';
import { rangeBounds } from '../nps/npsDateRange.js';
import type { ShareReportQuery } from '../schemas/shareReportQuerySchema.js';
import { loadShareProgram } from '../shareProgram/loadShareProgram.js';

type Channel = ShareReport['channels'][number]['channel'];

/**
 * Shares, friends' visits and their purchases per channel in a range of days. A share
 * counts on the day it was made, a visit on the day the friend first came, a purchase on
 * the day of the order. Visits are distinct browsers. A purchase is an order credited to
 * a code (status `attributed`: not flagged, not refunded) by a friend's browser whose
 * counted visit through that code came through the channel; one order counts once.
 */
export async function shareReport(
  db: Kysely<VouchTables>,
  siteId: string,
  query: ShareReportQuery,
): Promise<ShareReport> {
  const { from, before } = rangeBounds(query);
  let shares = db
    .selectFrom('shares')
    .select(['channel', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('site_id', '=', siteId)
    .groupBy('channel');
  let visits = db
    .selectFrom('share_visits')
    .select(['channel', (eb) => eb.fn.count<number | string>('visitor').distinct().as('n')])
    .where('site_id', '=', siteId)
    .groupBy('channel');
  let friends = db
    .selectFrom('share_visits')
    .select((eb) => eb.fn.count<number | string>('visitor').distinct().as('n'))
    .where('site_id', '=', siteId);
  let purchases = db
    .selectFrom('conversions as c')
    .innerJoin('share_visits as v', (join) =>
      join
        .onRef('v.site_id', '=', 'c.site_id')
        .onRef('v.code', '=', 'c.code')
        .onRef('v.visitor', '=', 'c.visitor'),
    )
    .select(['v.channel as channel', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('c.site_id', '=', siteId)
    .where('c.status', '=', 'attributed')
    .groupBy('v.channel');
  if (from) {
    shares = shares.where('created_at', '>=', from);
    visits = visits.where('created_at', '>=', from);
    friends = friends.where('created_at', '>=', from);
    purchases = purchases.where('c.created_at', '>=', from);
  }
  if (before) {
    shares = shares.where('created_at', '<', before);
    visits = visits.where('created_at', '<', before);
    friends = friends.where('created_at', '<', before);
    purchases = purchases.where('c.created_at', '<', before);
  }
  const [program, shareRows, visitRows, friendRow, purchaseRows] = await Promise.all([
    loadShareProgram(db, siteId),
    shares.execute(),
    visits.execute(),
    friends.executeTakeFirstOrThrow(),
    purchases.execute(),
  ]);

  const rows = new Map<string, ShareReport['channels'][number]>();
  const row = (channel: string) => {
    let found = rows.get(channel);
    if (!found) {
      found = { channel: channel as Channel, shares: 0, visits: 0, purchases: 0 };
      rows.set(channel, found);
    }
    return found;
  };
  for (const channel of program?.channels ?? []) row(channel);
  const seen = [...shareRows, ...visitRows, ...purchaseRows].map((r) => r.channel).sort();
  for (const channel of seen) row(channel);
  for (const r of shareRows) row(r.channel).shares = Number(r.n);
  for (const r of visitRows) row(r.channel).visits = Number(r.n);
  for (const r of purchaseRows) row(r.channel).purchases = Number(r.n);

  const channels = [...rows.values()];
  const sum = (key: 'shares' | 'purchases') => channels.reduce((n, r) => n + r[key], 0);
  return {
    tz: query.tz,
    from: query.from ?? null,
    to: query.to ?? null,
    channels,
    totals: { shares: sum('shares'), visits: Number(friendRow.n), purchases: sum('purchases') },
  };
}
