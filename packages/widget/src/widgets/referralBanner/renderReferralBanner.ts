import { bannerDismissalKey, couponDismissalKey, type VouchClient } from '@vouch/core';
import van from 'vanjs-core';
import type { VanView } from '../../defineVanWidget.js';
import { clientState } from '../../van/clientState.js';
import { loadState } from '../../van/loadState.js';
import type { OnUnmount } from '../../van/OnUnmount.js';
import type { WidgetContext } from '../../WidgetModule.js';
import { copyField } from '../shared/copyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { isDevelopmentPage } from './isDevelopmentPage.js';
import { loadReferralBanner, type ReferralBannerData } from './loadReferralBanner.js';
import type { ReferralBannerMessages } from './referralBannerMessages.js';

const { button, p, section, span } = van.tags;

/** What the referral banner shows and how it tells the page. */
export interface ReferralBannerSettings {
  client: VouchClient;
  /** The referral code to show, else the code the client kept from a `?ref=` landing. */
  code: string | undefined;
  /** Whether to say on the console why nothing is shown; undefined: on development pages. */
  debug: boolean | undefined;
  messages: ReferralBannerMessages;
  /** Raises `reward:unlocked`. */
  emit: EmitEvent;
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
export function renderReferralBanner(
  { client, code, debug, messages: m, emit }: ReferralBannerSettings,
  { id }: Pick<WidgetContext, 'id'>,
  onUnmount: OnUnmount,
): VanView {
  const snapshot = clientState(client, onUnmount);
  const closed = van.state<string | null>(null);
  // The client settles the offer before it emits `conversion`: look again then.
  const purchases = van.state(0);
  onUnmount(
    client.on('conversion', () => {
      purchases.val++;
    }),
  );
  const shown = van.derive(() => code ?? snapshot.val.referral ?? '');
  const hidden = van.derive(() => {
    purchases.val;
    return (
      !shown.val || closed.val === shown.val || client.dismissed(bannerDismissalKey(shown.val))
    );
  });
  const { state, retry } = loadState(
    (key) => (key ? loadReferralBanner(client, key) : Promise.resolve(null)),
    () => (hidden.val ? '' : shown.val),
    onUnmount,
  );
  const dataOf = () => (state.rawVal.status === 'done' ? state.rawVal.value : null);
  // Used in an order under another code (a fixed coupon is the same for every code).
  const spent = (data: ReferralBannerData | null) =>
    !!data?.coupon && client.dismissed(couponDismissalKey(data.coupon));

  // What follows a settled load, once for each: forget a spent offer by its code, tell
  // the page of the coupon, or say in development why nothing is shown.
  van.derive(() => {
    const now = state.val;
    const current = shown.rawVal;
    if (hidden.rawVal || now.status === 'loading') return;
    const data = dataOf();
    if (spent(data)) {
      // Remember it by the code too, so that later pages do not even ask.
      client.dismiss(bannerDismissalKey(current));
      return;
    }
    if (data?.coupon) {
      emit('reward:unlocked', {
        reason: 'referral',
        reward: data.landing.offer.description,
        coupon: data.coupon,
      });
    }
    if (data || !(debug ?? isDevelopmentPage(location.href))) return;
    console.warn(
      `[vouch] referral-banner: the referral code "${current}" ${
        now.status === 'error'
          ? `could not be read (${String((now.error as Error | null)?.message ?? now.error)})`
          : 'is unknown or expired'
      }; nothing is shown`,
    );
  });

  const build = (data: ReferralBannerData) => {
    const titleId = id('title');
    const current = shown.rawVal;
    const dismiss = () => {
      client.dismiss(bannerDismissalKey(current));
      closed.val = current;
    };
    return section(
      { 'aria-labelledby': titleId, class: 'vouch-banner', 'data-vouch-part': 'banner' },
      p(
        { id: titleId, class: 'vouch-title' },
        m.gave(data.landing.referrerName, data.landing.offer.description),
      ),
      data.coupon
        ? copyField({ id: id('code'), label: m.code, value: data.coupon, messages: m }, onUnmount)
        : null,
      data.claimFailed
        ? p(
            m.claimFailed,
            ' ',
            button({ type: 'button', class: 'vouch-button', onclick: retry }, m.retry),
          )
        : null,
      button(
        { type: 'button', class: 'vouch-dismiss', 'aria-label': m.dismiss, onclick: dismiss },
        span({ 'aria-hidden': 'true' }, '×'),
      ),
    );
  };
  let built: { data: ReferralBannerData; node: HTMLElement } | undefined;
  return () => {
    state.val;
    purchases.val;
    const data = dataOf();
    if (hidden.val || !data || spent(data)) return null;
    if (built?.data !== data) built = { data, node: build(data) };
    return built.node;
  };
}
