import type { ShareChannel } from '@vouch/core';
import { referralMessages } from './referralMessages.js';

/** The share channels the `referral` widget shows when the page names none. */
export const DEFAULT_CHANNELS: readonly ShareChannel[] = ['whatsapp', 'facebook', 'x', 'email'];

// The channels the card has words for (every network of `shareUrl`), checked without
// loading their share links; Mastodon needs the shopper's own server, which the card does
// not ask for (the `share` widget does).
const KNOWN = Object.keys(referralMessages.channels).filter((name) => name !== 'mastodon');
const isChannel = (name: unknown): name is ShareChannel => KNOWN.includes(name as string);

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
      warn(`"channels": unknown share channel "${name}"; expected ${KNOWN.join(', ')}`);
    }
  }
  return channels;
}
