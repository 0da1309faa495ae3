// The recording chunk of the script-tag build, imported by the runtime once the client
// exists, beside the widgets and never before they paint: page views, referral landings
// and conversions, with the event outbox, the conversion queue and their checks.
import { conversionInputCheck, createRecorder, type DeferredVouch } from '@vouch/core';
import { checkArgument, type Warn } from './checkArgument.js';
import type { Command } from './createCommands.js';

/**
 * Gives the client its recording half and returns the commands that need it.
 * @param warn reports a problem with a command (one warning per message, `error` event)
 */
export function startRecording(vouch: DeferredVouch, warn: Warn): Record<string, Command> {
  vouch.attach(createRecorder);
  return {
    conversion(client, [input]) {
      if (checkArgument(warn, 'conversion', conversionInputCheck, input)) client.conversion(input);
    },
  };
}
