import {
  type Check,
  conversionInputCheck,
  identityCheck,
  type VouchClient,
  validate,
} from '@vouch/core';

/** A forwarded command of the script tag, run once the client exists. */
export type Command = (client: VouchClient, args: readonly unknown[]) => void;

/**
 * The script-tag commands the runtime runs, each validating its argument with the core
 * checks first: a bad one is reported as `COMMAND: "field": problem`, never thrown.
 * @param warn reports a problem with a command (one warning per message, `error` event)
 */
export function createCommands(
  warn: (command: string, message: string) => void,
): Record<string, Command> {
  // The lean checks of core, not its zod schemas: same rules, a fraction of the bytes.
  const valid = <T>(command: string, check: Check<T>, value: unknown): value is T => {
    const result = validate(check, value);
    if (result.ok) return true;
    const [issue] = result.issues;
    const field = issue?.path === '(root)' ? 'the argument' : `"${issue?.path}"`;
    warn(command, `${field}: ${issue?.message ?? 'is not valid'}`);
    return false;
  };
  const notYet = (command: string, feature: string) => () =>
    warn(command, `${feature} is not enabled on this server version`);
  return {
    identify(client, [identity]) {
      if (valid('identify', identityCheck, identity)) client.identify(identity);
    },
    reset(client) {
      client.reset();
    },
    consent(client, [granted]) {
      if (typeof granted === 'boolean') client.consent(granted);
      else warn('consent', 'expected true or false');
    },
    conversion(client, [input]) {
      if (valid('conversion', conversionInputCheck, input)) client.conversion(input);
    },
    nps: notYet('nps', 'the NPS prompt'),
  };
}
