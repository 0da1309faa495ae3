import { bannerDismissalKey, couponDismissalKey, type VouchClient } from '@vouch/core';
import { createLoad, type LoadState } from '../../dom/createLoad.js';
import type { ViewKit } from '../../dom/mountView.js';
import { h } from '../../dom/tags.js';
import type { WidgetContext } from '../../WidgetModule.js';
import { copyField } from '../shared/copyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { isDevelopmentPage } from './isDevelopmentPage.js';
import { loadReferralBanner, type ReferralBannerData } from './loadReferralBanner.js';
import type { ReferralBannerMessages } from './referralBannerMessages.js';

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
 *
 * The view looks again whenever the client's snapshot changes (a code kept after the
 * banner mounted), on every `conversion` event and when a load settles.
 */
export function renderReferralBanner(
  { client, code, debug, messages: m, emit }: ReferralBannerSettings,
  { id }: Pick<WidgetContext, 'id'>,
  { onUnmount, refresh }: ViewKit,
): () => HTMLElement | null {
  // The code the shopper dismissed on this page: gone whatever the client keeps.
  let closed: string | undefined;
  // The banner built for the data it shows, built anew only for new data (a retry).
  let shownData: ReferralBannerData | undefined;
  let node: HTMLElement;
  const shown = () => code ?? client.getSnapshot().referral ?? '';
  const hidden = (key: string) =>
    !key || key === closed || client.dismissed(bannerDismissalKey(key));
  const dataOf = (now: LoadState<ReferralBannerData | null>) =>
    now.status === 'done' ? now.value : null;
  // Used in an order under another code (a fixed coupon is the same for every code).
  const spent = (data: ReferralBannerData | null) =>
    !!data?.coupon && client.dismissed(couponDismissalKey(data.coupon));
  // What follows a settled load, once for each: forget a spent offer by its code, tell
  // the page of the coupon, or say in development why nothing is shown.
  const settled = () => {
    const now = load.state();
    const current = shown();
    const data = dataOf(now);
    // A retry that has only started settles nothing.
    if (hidden(current) || now.status === 'loading') return;
    // Remember it by the code too, so that later pages do not even ask.
    if (spent(data)) return client.dismiss(bannerDismissalKey(current));
    if (data?.coupon) {
      emit('reward:unlocked', {
        reason: 'referral',
        reward: data.landing.offer.description,
        coupon: data.coupon,
      });
    }
    if (data || !(debug ?? isDevelopmentPage())) return;
    console.warn(
      `[vouch] referral-banner: the referral code "${current}" ${
        now.status === 'error'
          ? `could not be read (${String((now.error as Error | null)?.message ?? now.error)})`
          : 'is unknown or expired'
      }; nothing is shown`,
    );
  };
  const load = createLoad(
    async (key) => (key ? loadReferralBanner(client, key) : null),
    () => {
      settled();
      refresh();
    },
    onUnmount,
  );
  onUnmount(client.subscribe(refresh));
  // The client settles the offer before it emits `conversion`: look again then.
  onUnmount(client.on('conversion', refresh));

  return () => {
    const current = shown();
    const off = hidden(current);
    load.key(off ? '' : current);
    const data = dataOf(load.state());
    if (off || !data || spent(data)) return null;
    if (data !== shownData) {
      const titleId = id('title');
      shownData = data;
      node = h(
        'section',
        { 'aria-labelledby': titleId, class: 'vouch-banner', 'data-vouch-part': 'banner' },
        h(
          'p',
          { id: titleId, class: 'vouch-title' },
          m.gave(data.landing.referrerName, data.landing.offer.description),
        ),
        data.coupon
          ? copyField({ id: id('code'), label: m.code, value: data.coupon, messages: m }, onUnmount)
          : null,
        data.claimFailed &&
          h(
            'p',
            m.claimFailed,
            ' ',
            h('button', { type: 'button', class: 'vouch-button', onclick: load.retry }, m.retry),
          ),
        h(
          'button',
          {
            type: 'button',
            class: 'vouch-dismiss',
            'aria-label': m.dismiss,
            onclick() {
              client.dismiss(bannerDismissalKey(current));
              closed = current;
              refresh();
            },
          },
          h('span', { 'aria-hidden': 'true' }, '×'),
        ),
      );
    }
    return node;
  };
}
