import { identityCheck, type VouchClient } from '@vouch/core';
import { checkArgument, type Warn } from './checkArgument.js';

/** The commands that record: the runtime runs them once `startRecording` is loaded. */
export const RECORDING_COMMANDS: readonly string[] = ['conversion', 'nps'];

/** A forwarded command of the script tag, run once the client exists. */
export type Command = (client: VouchClient, args: readonly unknown[]) => void;

/**
 * The script-tag commands the runtime runs at once, each validating its argument with
 * the core checks first: a bad one is reported as `COMMAND: "field": problem`, never
 * thrown. The commands that record (`conversion`, `nps`) come with the recording code
 * (`startRecording`), after the first paint.
 * @param warn reports a problem with a command (one warning per message, `error` event)
 */
export function createCommands(warn: Warn): Record<string, Command> {
  return {
    identify(client, [identity]) {
      if (checkArgument(warn, 'identify', identityCheck, identity)) client.identify(identity);
    },
    reset(client) {
      client.reset();
    },
    consent(client, [granted]) {
      if (typeof granted === 'boolean') client.consent(granted);
      else warn('consent', 'expected true or false');
    },
  };
}
