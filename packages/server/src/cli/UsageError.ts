/** A bad command line: the message names the flag; the command exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
