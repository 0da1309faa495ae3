import { type Check, validate } from '@vouch/core';

/** Reports a problem with a command: one warning per message, and an `error` event. */
export type Warn = (command: string, message: string) => void;

/**
 * Whether a command's argument passes `check` (core's lean twin of its schema); if not,
 * `warn` is told `COMMAND: "field": problem` and nothing is thrown.
 */
export function checkArgument<T>(
  warn: Warn,
  command: string,
  check: Check<T>,
  value: unknown,
): value is T {
  const result = validate(check, value);
  if (result.ok) return true;
  const [issue] = result.issues;
  const field = issue?.path === '(root)' ? 'the argument' : `"${issue?.path}"`;
  warn(command, `${field}: ${issue?.message ?? 'is not valid'}`);
  return false;
}
