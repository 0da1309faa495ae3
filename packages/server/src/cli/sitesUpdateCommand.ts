import { isSiteInputError } from '../sites/SiteInputError.js';
import { type SiteUpdate, updateSite } from '../sites/updateSite.js';
import type { CliIo } from './CliIo.js';
import { normalizeOrigin } from './normalizeOrigin.js';
import { parseFlags } from './parseFlags.js';
import { onOff, siteFlag } from './siteFlag.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

/** Flags of `sites update`, and the setting each one changes. */
const FLAGS = {
  name: 'name',
  'identity-verification': 'identityVerification',
  'consent-required': 'consentRequired',
  'attribution-days': 'attributionDays',
  attribution: 'attribution',
  locale: 'locale',
  theme: 'theme',
  'nps-rules': 'nps',
  'add-origin': 'origins.add',
  'remove-origin': 'origins.remove',
} as const;

/** `vouch-server sites update --site PUBLIC_KEY [settings…]`: changes only what is given. */
export async function sitesUpdateCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'sites update';
  const { values } = parseFlags(command, args, {
    site: { type: 'string' },
    name: { type: 'string' },
    'identity-verification': { type: 'string' },
    'consent-required': { type: 'string' },
    'attribution-days': { type: 'string' },
    attribution: { type: 'string' },
    locale: { type: 'string' },
    theme: { type: 'string' },
    'nps-rules': { type: 'string' },
    'add-origin': { type: 'string', multiple: true },
    'remove-origin': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const update: Record<string, unknown> = {};
  if (values.name !== undefined) update.name = values.name;
  if (values['identity-verification'] !== undefined) {
    update.identityVerification = onOff(
      command,
      'identity-verification',
      values['identity-verification'],
    );
  }
  if (values['consent-required'] !== undefined) {
    update.consentRequired = onOff(command, 'consent-required', values['consent-required']);
  }
  if (values['attribution-days'] !== undefined) {
    const days = values['attribution-days'];
    if (!/^\d+$/.test(days)) {
      throw new UsageError(`${command}: --attribution-days must be a whole number, not "${days}"`);
    }
    update.attributionDays = Number(days);
  }
  if (values.attribution !== undefined) update.attribution = values.attribution;
  if (values.locale !== undefined) update.locale = values.locale;
  if (values.theme !== undefined) {
    update.theme = parseJson(command, 'theme', values.theme, `'{"accent":"#0a7"}'`);
  }
  const nps = values['nps-rules'];
  if (nps !== undefined) {
    update.nps =
      nps === 'off' ? null : parseJson(command, 'nps-rules', nps, `'{"delayMs":5000}', or off`);
  }
  const add = values['add-origin']?.map(normalizeOrigin);
  const remove = values['remove-origin']?.map(normalizeOrigin);
  if (add || remove) update.origins = { ...(add && { add }), ...(remove && { remove }) };
  if (!Object.keys(update).length) {
    throw new UsageError(
      `${command}: say what to change (--identity-verification on|off, --name NAME, …)`,
    );
  }

  const site = await withDatabase(io, async (database) => {
    const { id } = await siteFlag(database, command, values.site);
    return updateSite(database, id, update as SiteUpdate).catch((error: unknown) => {
      if (!isSiteInputError(error)) throw error;
      const [issue] = error.issues;
      throw new UsageError(`${command}: ${flagOf(issue?.path ?? '', update)}: ${issue?.message}`);
    });
  });
  if (values.json) {
    io.stdout(`${JSON.stringify(site, null, 2)}\n`);
    return;
  }
  const yes = (on: boolean) => (on ? 'on' : 'off');
  io.stdout(
    [
      `Updated "${site.name}" (${site.publicKey}):`,
      `  origins                ${site.origins.join(' ') || '(none)'}`,
      `  identity verification  ${yes(site.identityVerification)}`,
      `  consent required       ${yes(site.consentRequired)}`,
      `  attribution            ${site.attribution} touch, ${site.attributionDays} days`,
      `  locale                 ${site.locale}`,
      `  NPS prompt             ${site.npsRules ? `on ${JSON.stringify(site.npsRules)}` : 'off'}`,
      'Running servers use the change within their site cache time (5 s by default).',
      '',
    ].join('\n'),
  );
}

function parseJson(command: string, flag: string, text: string, example: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${command}: --${flag} must be a JSON object such as ${example}`);
  }
}

/**
 * The flag (and value or field) an issue of the update is about: `--add-origin
 * "shop.example"`, `--nps-rules delayMs`.
 */
function flagOf(path: string, update: Record<string, unknown>): string {
  const [field, list, index] = path.split('.');
  const entry = Object.entries(FLAGS).find(
    ([, setting]) => setting === (field === 'origins' ? `origins.${list}` : field),
  );
  const flag = `--${entry?.[0] ?? field}`;
  if (field === 'nps' && list) return `${flag} ${path.slice(4)}`;
  if (field !== 'origins') return flag;
  const origins = update.origins as Record<string, string[] | undefined>;
  return `${flag} "${origins[list ?? '']?.[Number(index)]}"`;
}
