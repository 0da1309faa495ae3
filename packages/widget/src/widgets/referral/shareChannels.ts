import { SHARE_CHANNELS, type ShareChannel } from '@vouch/core';

/** The share channels the `referral` widget shows when the page names none. */
export const DEFAULT_CHANNELS: readonly ShareChannel[] = ['whatsapp', 'facebook', 'x', 'email'];

const isChannel = (name: unknown): name is ShareChannel =>
  (SHARE_CHANNELS as readonly unknown[]).includes(name);

/**
 * The `channels` option as a list: an array, or a comma- or space-separated string
 * (`data-channels="whatsapp, email"`). Unknown names are left out, each reported through
 * `warn` so a typo is found; nothing given means {@link DEFAULT_CHANNELS}.
 */
export function readChannels(value: unknown, warn: (message: string) => void): ShareChannel[] {
  if (value === undefined) return [...DEFAULT_CHANNELS];
  const names: unknown[] = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  const channels: ShareChannel[] = [];
  for (const name of names) {
    if (isChannel(name)) channels.push(name);
    else if (name !== '') {
      warn(`"channels": unknown share channel "${name}"; expected ${SHARE_CHANNELS.join(', ')}`);
    }
  }
  return channels;
}
