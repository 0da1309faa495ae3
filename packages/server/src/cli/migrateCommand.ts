import type { CliIo } from './CliIo.js';
import { parseFlags } from './parseFlags.js';
import { withDatabase } from './withDatabase.js';

/** `vouch-server migrate`. */
export async function migrateCommand(args: string[], io: CliIo): Promise<void> {
  parseFlags('migrate', args, {});
  await withDatabase(io, async (database, applied) => {
    io.stdout(
      applied.length
        ? `Applied ${applied.join(', ')} to ${database.label}\n`
        : `${database.label} is up to date\n`,
    );
  });
}
