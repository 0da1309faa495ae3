/** What a command may touch: the environment, output, and the signal to stop. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when a long-running command (`start`) should stop, e.g. on SIGINT. */
  waitForStop(): Promise<string>;
}

/** Exit codes: success, a failure while running, and a bad command line. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
