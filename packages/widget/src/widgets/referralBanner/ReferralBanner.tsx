import { bannerDismissalKey, couponDismissalKey, type VouchClient } from '@vouch/core';
import { useEffect, useId, useState } from 'preact/hooks';
import { useClientState } from '../../useClientState.js';
import { CopyField } from '../shared/CopyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { useLoad } from '../shared/useLoad.js';
import { isDevelopmentPage } from './isDevelopmentPage.js';
import { loadReferralBanner } from './loadReferralBanner.js';
import { type ReferralBannerMessages, referralBannerMessages } from './referralBannerMessages.js';

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
  /** Raises `reward:unlocked` when the coupon is shown. @default the client's `emit` */
  emit?: EmitEvent | undefined;
}

/**
 * What a referred friend sees: "Ada gave you 10% off", the coupon with a Copy button,
 * and a dismiss button. It is a labelled region (not a dialog: the page stays usable)
 * meant to sit fixed at the bottom of the viewport. Dismissed, it is gone for good for
 * that code (kept through the client, so only with consent where the site requires it).
 * So it is once the friend has bought with the code or the coupon: the client dismisses
 * both when the server acknowledges the order, and the banner goes on `conversion`.
 * An unknown or expired code shows nothing; in development the console says why.
 */
export function ReferralBanner({ client, code, debug, messages, emit }: ReferralBannerProps) {
  const m = messages ? { ...referralBannerMessages, ...messages } : referralBannerMessages;
  const send: EmitEvent = emit ?? ((name, detail) => client.emit(name, detail));
  const kept = useClientState(client).referral;
  const shown = code ?? kept;
  const [closed, setClosed] = useState<string | null>(null);
  // The client settles the offer before it emits `conversion`: look again then.
  const [, setPurchases] = useState(0);
  useEffect(() => client.on('conversion', () => setPurchases((n) => n + 1)), [client]);
  const hidden = !shown || closed === shown || client.dismissed(bannerDismissalKey(shown));
  const [state, retry] = useLoad(
    () => (hidden ? Promise.resolve(null) : loadReferralBanner(client, shown)),
    hidden ? '' : shown,
  );
  const titleId = useId();
  const data = state.status === 'done' ? state.value : null;
  const coupon = data?.coupon;
  // Used in an order under another code (a fixed coupon is the same for every code).
  const spent = !!coupon && client.dismissed(couponDismissalKey(coupon));

  useEffect(() => {
    if (hidden || state.status === 'loading') return;
    if (spent && shown) {
      // Remember it by the code too, so that later pages do not even ask.
      client.dismiss(bannerDismissalKey(shown));
      return;
    }
    if (coupon && data) {
      send('reward:unlocked', {
        reason: 'referral',
        reward: data.landing.offer.description,
        coupon,
      });
    }
    if (data || !(debug ?? isDevelopmentPage(location.href))) return;
    console.warn(
      `[vouch] referral-banner: the referral code "${shown}" ${
        state.status === 'error'
          ? `could not be read (${String((state.error as Error | null)?.message ?? state.error)})`
          : 'is unknown or expired'
      }; nothing is shown`,
    );
  }, [state]);

  if (hidden || spent || !data) return null;
  const dismiss = () => {
    client.dismiss(bannerDismissalKey(shown));
    setClosed(shown);
  };
  return (
    <section aria-labelledby={titleId} class="vouch-banner" data-vouch-part="banner">
      <p id={titleId} class="vouch-title">
        {m.gave(data.landing.referrerName, data.landing.offer.description)}
      </p>
      {coupon && <CopyField label={m.code} value={coupon} messages={m} />}
      {data.claimFailed && (
        <p>
          {m.claimFailed}{' '}
          <button type="button" class="vouch-button" onClick={retry}>
            {m.retry}
          </button>
        </p>
      )}
      <button type="button" class="vouch-dismiss" aria-label={m.dismiss} onClick={dismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </section>
  );
}
