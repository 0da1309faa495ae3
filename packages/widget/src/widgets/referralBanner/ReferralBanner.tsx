import type { VouchClient } from '@vouch/core';
import { useRef } from 'preact/hooks';
import { defineDomWidget } from '../../defineDomWidget.js';
import { useMountedWidget } from '../../useMountedWidget.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { type ReferralBannerMessages, referralBannerMessages } from './referralBannerMessages.js';
import { referralBannerStyles } from './referralBannerStyles.js';
import { renderReferralBanner } from './renderReferralBanner.js';

/** Props of {@link ReferralBanner}. */
export interface ReferralBannerProps {
  /** The core client: the kept referral code, the landing and the coupon claim. */
  client: VouchClient;
  /** The referral code to show. @default the code the client kept from a `?ref=` landing */
  code?: string | undefined;
  /**
   * Whether to say on the console why nothing is shown (an unknown or expired code).
   * @default true on `localhost`, `127.0.0.1`, `[::1]` and `*.localhost` pages, else false
   */
  debug?: boolean | undefined;
  /** Words to replace, for another language. @default referralBannerMessages (English) */
  messages?: Partial<ReferralBannerMessages> | undefined;
  /**
   * Raises `reward:unlocked` when the coupon is shown. @default the client's `emit`, plus
   * a `vouch:NAME` DOM event from the component's element
   */
  emit?: EmitEvent | undefined;
}

/**
 * The `referral-banner` widget as a Preact component: what a referred friend sees (see the
 * widget), styled in a shadow root on a `<div>` it renders, fixed to the bottom of the
 * viewport. It mounts when the component does and again when `client`, `code`, `debug` or
 * `messages` change (pass `messages` as a constant or memoized value); `emit` may change
 * freely.
 */
export function ReferralBanner({ client, code, debug, messages, emit }: ReferralBannerProps) {
  const send = useRef(emit);
  send.current = emit;
  const host = useMountedWidget<HTMLDivElement>(
    () =>
      defineDomWidget({
        name: 'referral-banner',
        styles: referralBannerStyles,
        render: ({ context, ...kit }) =>
          renderReferralBanner(
            {
              client,
              code,
              debug,
              messages: messages
                ? { ...referralBannerMessages, ...messages }
                : referralBannerMessages,
              emit: (name, detail) => (send.current ?? context.emit)(name, detail),
            },
            context,
            kit,
          ),
      }),
    client,
    [code, debug, messages],
  );
  return <div ref={host} />;
}
