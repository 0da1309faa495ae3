import type { VouchClient } from '@vouch/core';
import { identitySchema } from '@vouch/core/schemas';

/** A forwarded command of the script tag, run once the client exists. */
export type Command = (client: VouchClient, args: readonly unknown[]) => void;

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
}

/** The part of a zod schema used here (kept structural so no zod import is needed). */
interface Schema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

/** `"email": must be an email address`; zod/mini's bare "Invalid input" made specific. */
function describeIssue(issue: Issue | undefined): string {
  if (!issue) return 'is not valid';
  if (issue.code === 'unrecognized_keys') return `unknown field "${issue.keys?.join('", "')}"`;
  const field = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'the argument';
  if (issue.message !== 'Invalid input') return `${field}: ${issue.message}`;
  if (issue.code === 'invalid_type') return `${field}: expected ${String(issue.expected)}`;
  return `${field}: is not valid`;
}

/**
 * The script-tag commands the runtime runs, each validating its argument with the core
 * schemas first: a bad one is reported as `COMMAND: "field": problem`, never thrown.
 * @param warn reports a problem with a command (one warning per message, `error` event)
 */
export function createCommands(
  warn: (command: string, message: string) => void,
): Record<string, Command> {
  const valid = <T>(command: string, schema: Schema<T>, value: unknown): value is T => {
    const result = schema.safeParse(value);
    if (result.success) return true;
    warn(command, describeIssue(result.error.issues[0]));
    return false;
  };
  const notYet = (command: string, feature: string) => () =>
    warn(command, `${feature} is not enabled on this server version`);
  return {
    identify(client, [identity]) {
      if (valid('identify', identitySchema, identity)) client.identify(identity);
    },
    reset(client) {
      client.reset();
    },
    consent(client, [granted]) {
      if (typeof granted === 'boolean') client.consent(granted);
      else warn('consent', 'expected true or false');
    },
    conversion: notYet('conversion', 'conversion tracking'),
    nps: notYet('nps', 'the NPS prompt'),
  };
}
