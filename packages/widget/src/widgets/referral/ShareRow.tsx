import type { ShareChannel } from '@vouch/core';
import { shareUrl } from '@vouch/core';
import { useId } from 'preact/hooks';
import type { EmitEvent } from '../shared/EmitEvent.js';
import type { ReferralMessages } from './referralMessages.js';

/** Props of {@link ShareRow}. */
export interface ShareRowProps {
  /** The referral link to share. */
  link: string;
  code: string;
  /** The message that goes with the link, disclosure included. */
  text: string;
  title: string;
  channels: readonly ShareChannel[];
  messages: ReferralMessages;
  emit: EmitEvent;
}

// Mail and text messages open an app, not a page: a new tab would stay blank.
const opensApp = (channel: ShareChannel) => channel === 'email' || channel === 'sms';

/**
 * The share channels as links (a new tab, `rel="noopener noreferrer"`), plus the
 * browser's own share sheet where there is one. Each emits `share` when used.
 */
export function ShareRow({ link, code, text, title, channels, messages, emit }: ShareRowProps) {
  const id = useId();
  const share = (channel: string) => emit('share', { channel, url: link, code });
  const native = typeof navigator === 'object' && typeof navigator.share === 'function';
  const shareNatively = () =>
    navigator.share({ title, text, url: link }).then(
      () => share('native'),
      () => {}, // The shopper closed the sheet, or the browser refused: nothing to say.
    );
  return (
    <div data-vouch-part="share">
      <h3 id={id}>{messages.share}</h3>
      <ul aria-labelledby={id} class="vouch-channels">
        {channels.map((channel) => {
          const name = messages.channels[channel];
          return (
            <li key={channel}>
              <a
                class="vouch-channel"
                href={shareUrl(channel, { url: link, text, title })}
                aria-label={messages.shareVia(name) + (opensApp(channel) ? '' : messages.newTab)}
                {...(!opensApp(channel) && { target: '_blank', rel: 'noopener noreferrer' })}
                onClick={() => share(channel)}
              >
                {name}
              </a>
            </li>
          );
        })}
        {native && (
          <li>
            <button type="button" class="vouch-channel" onClick={shareNatively}>
              {messages.moreWays}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
