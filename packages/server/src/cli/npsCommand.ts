import { listNpsAnswers } from '../nps/listNpsAnswers.js';
import { npsAnswersCsv } from '../nps/npsAnswersCsv.js';
import { npsStatistics } from '../nps/npsStatistics.js';
import {
  type NpsPeriod,
  npsResponsesQuerySchema,
  npsStatsQuerySchema,
} from '../schemas/npsAdminSchemas.js';
import { validate } from '../schemas/validate.js';
import type { CliIo } from './CliIo.js';
import { parseFlags } from './parseFlags.js';
import { siteFlag } from './siteFlag.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

const rangeFlags = {
  site: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  tz: { type: 'string' },
} as const;

/** `vouch-server nps stats|export`: the admin API's NPS statistics and CSV export. */
export async function npsCommand(args: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'stats') return statsCommand(rest, io);
  if (action === 'export') return exportCommand(rest, io);
  throw new UsageError(
    action ? `nps: unknown action "${action}" (stats or export)` : 'nps: say stats or export',
  );
}

/** The flags as the admin route's query, validated by the same schema; 2 naming a bad flag. */
function queryOf<T>(
  command: string,
  schema: Parameters<typeof validate>[0],
  values: Record<string, unknown>,
): T {
  const { site: _site, json: _json, ...query } = values;
  const parsed = validate(schema, query);
  if (parsed.success) return parsed.data as T;
  const [issue] = parsed.issues;
  throw new UsageError(`${command}: --${issue?.path}: ${issue?.message}`);
}

const numberText = (value: number | null) => (value === null ? '–' : String(value));

function describePeriod(label: string, period: NpsPeriod): string {
  const score =
    period.nps === null ? 'no answers' : `NPS ${period.nps} ± ${numberText(period.marginOfError)}`;
  const rate =
    period.responseRate === null ? '' : `  rate ${Math.round(period.responseRate * 100)}%`;
  return (
    `${label}  ${score}  answers ${period.total} (${period.promoters} promoters, ` +
    `${period.passives} passives, ${period.detractors} detractors)  shown ${period.shown}` +
    `${rate}  dismissed ${period.dismissals}`
  );
}

async function statsCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'nps stats';
  const { values } = parseFlags(command, args, {
    ...rangeFlags,
    interval: { type: 'string' },
    json: { type: 'boolean' },
  });
  const query = queryOf<Parameters<typeof npsStatistics>[2]>(command, npsStatsQuerySchema, values);
  const stats = await withDatabase(io, async (database) => {
    const site = await siteFlag(database, command, values.site);
    return npsStatistics(database.db, site.id, query);
  });
  if (values.json) {
    io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
    return;
  }
  const lines = [describePeriod('all', stats.summary)];
  for (const period of stats.periods) lines.push(describePeriod(period.start ?? '', period));
  lines.push(`scores 0–10: ${stats.distribution.join(' ')}`);
  io.stdout(`${lines.join('\n')}\n`);
}

async function exportCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'nps export';
  const { values } = parseFlags(command, args, {
    ...rangeFlags,
    category: { type: 'string' },
    contact: { type: 'string' },
    commented: { type: 'string' },
  });
  const query = queryOf<Parameters<typeof listNpsAnswers>[2]>(
    command,
    npsResponsesQuerySchema,
    values,
  );
  const csv = await withDatabase(io, async (database) => {
    const site = await siteFlag(database, command, values.site);
    return npsAnswersCsv(await listNpsAnswers(database.db, site.id, query, null));
  });
  io.stdout(csv);
}
