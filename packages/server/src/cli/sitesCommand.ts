import { createSite } from '../sites/createSite.js';
import { listSites } from '../sites/listSites.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import type { CliIo } from './CliIo.js';
import { normalizeOrigin } from './normalizeOrigin.js';
import { parseFlags } from './parseFlags.js';
import { sitesUpdateCommand } from './sitesUpdateCommand.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

/** `vouch-server sites create|list|update`. */
export async function sitesCommand(args: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'create') return createCommand(rest, io);
  if (action === 'list') return listCommand(rest, io);
  if (action === 'update') return sitesUpdateCommand(rest, io);
  throw new UsageError(
    action
      ? `sites: unknown action "${action}" (create, list or update)`
      : 'sites: say create, list or update',
  );
}

async function createCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseFlags('sites create', args, {
    name: { type: 'string' },
    origin: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (!values.name?.trim()) throw new UsageError('sites create: --name is required');
  if (!values.origin?.length) {
    throw new UsageError(
      'sites create: --origin is required (https://shop.example), once per origin',
    );
  }
  const origins = values.origin.map(normalizeOrigin);
  const created = await withDatabase(io, (database) =>
    createSite(database, { name: values.name ?? '', origins }).catch((error: unknown) => {
      if (!isSiteInputError(error)) throw error;
      const [issue] = error.issues;
      const flag = issue?.path.startsWith('origins.')
        ? `--origin "${origins[Number(issue.path.split('.')[1])]}"`
        : `--${issue?.path ?? 'name'}`;
      throw new UsageError(`sites create: ${flag}: ${issue?.message ?? error.message}`);
    }),
  );
  if (values.json) {
    const { site, publicKey, secretKey } = created;
    io.stdout(`${JSON.stringify({ site, publicKey, secretKey }, null, 2)}\n`);
    return;
  }
  io.stdout(
    [
      `Created site "${created.site.name}" for ${created.site.origins.join(', ')}`,
      '',
      `  public key  ${created.publicKey}`,
      `  secret key  ${created.secretKey}`,
      '',
      'Put the public key in your pages:',
      `  <script async src="https://YOUR-VOUCH-SERVER/v1/vouch.js" data-site="${created.publicKey}"></script>`,
      '',
      'The secret key is shown only this once: the server keeps only its hash. Store it',
      'somewhere safe; it authorizes admin and server-to-server calls.',
      '',
    ].join('\n'),
  );
}

async function listCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseFlags('sites list', args, { json: { type: 'boolean' } });
  const sites = await withDatabase(io, (database) => listSites(database));
  if (values.json) {
    io.stdout(`${JSON.stringify(sites, null, 2)}\n`);
    return;
  }
  if (!sites.length) {
    io.stdout('No sites yet: vouch-server sites create --name NAME --origin URL\n');
    return;
  }
  for (const site of sites) {
    io.stdout(`${site.publicKey}  ${site.name}  ${site.origins.join(' ') || '(no origins)'}\n`);
  }
}
