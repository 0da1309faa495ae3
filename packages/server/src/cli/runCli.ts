import { type CliIo, EXIT } from './CliIo.js';
import { couponsCommand } from './couponsCommand.js';
import { migrateCommand } from './migrateCommand.js';
import { npsCommand } from './npsCommand.js';
import { referralProgramCommand } from './referralProgramCommand.js';
import { sitesCommand } from './sitesCommand.js';
import { startCommand } from './startCommand.js';
import { UsageError } from './UsageError.js';
import { USAGE } from './usage.js';

/**
 * Runs one `vouch-server` command line and resolves with its exit code: 0 done,
 * 1 failed while running (the message says why), 2 bad command line (the message names
 * the flag).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || args.includes('--help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  try {
    if (command === 'start') await startCommand(args, io);
    else if (command === 'migrate') await migrateCommand(args, io);
    else if (command === 'sites') await sitesCommand(args, io);
    else if (command === 'coupons') await couponsCommand(args, io);
    else if (command === 'referral-program') await referralProgramCommand(args, io);
    else if (command === 'nps') await npsCommand(args, io);
    else {
      throw new UsageError(command ? `unknown command "${command}"` : 'say which command to run');
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vouch-server ${error.message}\nSee vouch-server --help.\n`);
      return EXIT.usage;
    }
    io.stderr(`vouch-server: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
