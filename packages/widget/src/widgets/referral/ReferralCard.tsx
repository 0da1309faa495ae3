import type { ShareChannel, VouchClient } from '@vouch/core';
import { useRef } from 'preact/hooks';
import { defineDomWidget } from '../../defineDomWidget.js';
import { useMountedWidget } from '../../useMountedWidget.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { type ReferralMessages, referralMessages } from './referralMessages.js';
import { referralReserve } from './referralReserve.js';
import { referralStyles } from './referralStyles.js';
import { renderReferralCard } from './renderReferralCard.js';
import { DEFAULT_CHANNELS } from './shareChannels.js';

/** Props of {@link ReferralCard}. */
export interface ReferralCardProps {
  /** The core client: the customer's identity, their referral and the site's settings. */
  client: VouchClient;
  /** Share channels, in order. @default ['whatsapp', 'facebook', 'x', 'email'] */
  channels?: readonly ShareChannel[] | undefined;
  /** Words to replace, for another language. @default referralMessages (English) */
  messages?: Partial<ReferralMessages> | undefined;
  /**
   * Raises `referral:copied` and `share`. @default the client's `emit`, plus a
   * `vouch:NAME` DOM event from the component's element
   */
  emit?: EmitEvent | undefined;
}

/**
 * The `referral` widget as a Preact component: the shopper's own referral card (see the
 * widget), styled in a shadow root on a `<div>` it renders. It mounts when the component
 * does and again when `client`, `channels` or `messages` change (pass `messages` as a
 * constant or memoized value, or every render starts it over); `emit` may change freely.
 */
export function ReferralCard({ client, channels, messages, emit }: ReferralCardProps) {
  const send = useRef(emit);
  send.current = emit;
  const host = useMountedWidget<HTMLDivElement>(
    () =>
      defineDomWidget({
        name: 'referral',
        styles: referralStyles,
        reserve: referralReserve,
        render: (props) =>
          renderReferralCard(
            {
              client,
              channels: channels ?? DEFAULT_CHANNELS,
              messages: messages ? { ...referralMessages, ...messages } : referralMessages,
              emit: (name, detail) => (send.current ?? props.context.emit)(name, detail),
            },
            props,
          ),
      }),
    client,
    [channels?.join(' '), messages],
  );
  return <div ref={host} />;
}
