import { tmpdir } from 'node:os';
import type { CliIo } from '../cli/CliIo.js';
import { runCli } from '../cli/runCli.js';

/** Runs a `vouch-server` command line in-process, capturing what it prints. */
export async function runCliCaptured(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd = tmpdir(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env,
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    waitForStop: () => Promise.resolve('SIGTERM'),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
