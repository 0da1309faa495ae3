import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ErrorIssue } from '@vouch/core/schemas';
import {
  readReferralProgram,
  saveReferralProgram,
} from '../referralProgram/saveReferralProgram.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import type { CliIo } from './CliIo.js';
import { parseFlags } from './parseFlags.js';
import { siteFlag } from './siteFlag.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

/** `vouch-server referral-program set|get`. */
export async function referralProgramCommand(args: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'set') return setCommand(rest, io);
  if (action === 'get') return getCommand(rest, io);
  throw new UsageError(
    action
      ? `referral-program: unknown action "${action}" (set or get)`
      : 'referral-program: say set or get',
  );
}

async function setCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'referral-program set';
  const { values } = parseFlags(command, args, {
    site: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = values.file;
  if (!file) throw new UsageError(`${command}: --file is required (the program as JSON)`);
  const text = await readFile(resolve(io.cwd, file), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `${command}: --file ${file}: cannot read it (${error.code ?? error.message})`,
      );
    },
  );
  let program: unknown;
  try {
    program = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${command}: --file ${file}: not JSON (${(error as Error).message})`);
  }

  const saved = await withDatabase(io, async (database) => {
    const site = await siteFlag(database, command, values.site);
    return saveReferralProgram(database, site.id, program).catch((error: unknown) => {
      if (!isSiteInputError(error)) throw error;
      throw new UsageError(
        `${command}: --file ${file} is not a valid program:\n${listIssues(error.issues)}`,
      );
    });
  });
  if (values.json) {
    io.stdout(`${JSON.stringify(saved, null, 2)}\n`);
    return;
  }
  io.stdout(
    `Saved the referral program (${saved.program?.enabled ? 'on' : 'off'}). ` +
      'Running servers use it within their site cache time (5 s by default).\n',
  );
  if (saved.warnings.length) io.stdout(`Warnings:\n${listIssues(saved.warnings)}\n`);
}

/** Prints the program as JSON that `set --file` takes back; warnings go to stderr. */
async function getCommand(args: string[], io: CliIo): Promise<void> {
  const command = 'referral-program get';
  const { values } = parseFlags(command, args, {
    site: { type: 'string' },
    json: { type: 'boolean' },
  });
  const settings = await withDatabase(io, async (database) =>
    readReferralProgram(database, (await siteFlag(database, command, values.site)).id),
  );
  if (values.json) {
    io.stdout(`${JSON.stringify(settings, null, 2)}\n`);
    return;
  }
  if (!settings.program) {
    io.stderr(
      'No referral program yet: vouch-server referral-program set --site PUBLIC_KEY --file program.json\n',
    );
    return;
  }
  io.stdout(`${JSON.stringify(settings.program, null, 2)}\n`);
  if (settings.warnings.length) io.stderr(`Warnings:\n${listIssues(settings.warnings)}\n`);
}

function listIssues(issues: readonly ErrorIssue[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
}
