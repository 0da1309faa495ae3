import type { ShareChannel } from '@vouch/core';
import { tags } from '../../dom/tags.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import type { ReferralMessages } from './referralMessages.js';

const { a, button, div, h3, li, ul } = tags;

/** What {@link shareRow} shows. */
export interface ShareRowSettings {
  /** The referral link to share. */
  link: string;
  code: string;
  /** The message that goes with the link, disclosure included. */
  text: string;
  title: string;
  channels: readonly ShareChannel[];
  messages: ReferralMessages;
  emit: EmitEvent;
  /** The id of the row's heading, unique to the widget instance. */
  id: string;
}

/**
 * The share channels as links (a new tab, `rel="noopener noreferrer"`), plus the
 * browser's own share sheet where there is one. Each emits `share` when used. The row is
 * built at once, at its full size; its addresses come a moment later with every network's
 * share links (`shareLinks.ts`), so the card paints without them and nothing moves.
 */
export function shareRow(settings: ShareRowSettings) {
  const { link, code, text, title, channels, messages, emit, id } = settings;
  const share = (channel: string) => emit('share', { channel, url: link, code });
  const shareNatively = () =>
    navigator.share({ title, text, url: link }).then(
      () => share('native'),
      () => {}, // The shopper closed the sheet, or the browser refused: nothing to say.
    );
  const links = channels.map((channel) => {
    const name = messages.channels[channel];
    // Mail and text messages open an app, not a page: a new tab would stay blank.
    const app = channel === 'email' || channel === 'sms';
    return a(
      {
        class: 'vouch-channel',
        // The link itself until the network's address arrives: a link from the first frame.
        href: link,
        'aria-label': messages.shareVia(name) + (app ? '' : messages.newTab),
        ...(!app && { target: '_blank', rel: 'noopener noreferrer' }),
        onclick: () => share(channel),
      },
      name,
    );
  });
  import('./shareLinks.js').then(
    ({ shareUrl }) =>
      channels.forEach((channel, index) => {
        links[index]?.setAttribute('href', shareUrl(channel, { url: link, text, title }));
      }),
    () => {}, // Offline: the link and its Copy button are there to share it.
  );
  return div(
    { 'data-vouch-part': 'share' },
    h3({ id }, messages.share),
    ul(
      { 'aria-labelledby': id, class: 'vouch-channels' },
      links.map((anchor) => li(anchor)),
      'share' in navigator &&
        li(
          button(
            { type: 'button', class: 'vouch-channel', onclick: shareNatively },
            messages.moreWays,
          ),
        ),
    ),
  );
}
