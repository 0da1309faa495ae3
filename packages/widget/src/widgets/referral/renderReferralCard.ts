import type { ShareChannel, VouchClient } from '@vouch/core';
import van from 'vanjs-core';
import type { VanView } from '../../defineVanWidget.js';
import { clientState } from '../../van/clientState.js';
import { loadState } from '../../van/loadState.js';
import type { OnUnmount } from '../../van/OnUnmount.js';
import { setChildren } from '../../van/setChildren.js';
import type { WidgetContext } from '../../WidgetModule.js';
import { copyField } from '../shared/copyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { loadReferralCard, type ReferralCardData } from './loadReferralCard.js';
import type { ReferralMessages } from './referralMessages.js';
import { rewardList } from './rewardList.js';
import { shareRow } from './shareRow.js';

const { button, div, h2, p, section } = van.tags;

/** What the referral card shows and how it tells the page. */
export interface ReferralCardSettings {
  client: VouchClient;
  channels: readonly ShareChannel[];
  messages: ReferralMessages;
  /** Raises `referral:copied` and `share`. */
  emit: EmitEvent;
}

const money = (amount: number, currency: string, locale: string | undefined) => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
};

/**
 * The shopper's own referral card: the offer in plain words, their link with a Copy
 * button, share channels (the share text carries the disclosure "I get a reward if you
 * buy"), friends who ordered and rewards earned and pending. A shopper who is not
 * identified yet is told how to get a link; a site without a referral program shows
 * nothing. It loads again when the identified customer changes.
 */
export function renderReferralCard(
  { client, channels, messages: m, emit }: ReferralCardSettings,
  { id }: Pick<WidgetContext, 'id'>,
  onUnmount: OnUnmount,
): VanView {
  const snapshot = clientState(client, onUnmount);
  const { state, retry } = loadState(
    () => loadReferralCard(client),
    () => snapshot.val.identity?.id ?? '',
    onUnmount,
  );
  const titleId = id('title');
  const title = h2({ id: titleId }, m.title);
  const card = section({
    class: 'vouch-card',
    'data-vouch-part': 'referral',
    'aria-labelledby': titleId,
  });
  // While it loads again (another customer), the offer it showed stays where it was:
  // the title and the offer come first, so nothing on screen moves as the card loads.
  let shown: ReferralCardData | undefined;
  let offer: HTMLElement | undefined;

  const ready = (data: Extract<ReferralCardData, { kind: 'ready' }>) => {
    const { referral, config } = data;
    return [
      copyField(
        {
          id: id('link'),
          label: m.link,
          value: referral.link,
          messages: m,
          onCopied: () => emit('referral:copied', { code: referral.code, link: referral.link }),
        },
        onUnmount,
      ),
      shareRow({
        id: id('share'),
        link: referral.link,
        code: referral.code,
        text: m.shareText(referral.friendOffer.description, config?.name ?? ''),
        title: config?.name ?? '',
        channels,
        messages: m,
        emit,
      }),
      p({ class: 'vouch-muted' }, m.disclosure),
      rewardList({
        id: id('rewards'),
        friends: referral.friends,
        rewards: referral.rewards,
        messages: m,
        locale: config?.locale,
      }),
    ];
  };

  return () => {
    const now = state.val;
    const data = now.status === 'done' ? now.value : undefined;
    if (data) shown = data;
    if (data?.kind === 'off') return null;

    const last = now.status === 'loading' ? shown : data;
    const config = last?.kind === 'off' ? undefined : last?.config;
    const program =
      last?.kind === 'ready'
        ? last.referral
        : last?.kind === 'anonymous'
          ? last.program
          : undefined;
    const minimum = config?.referral?.minOrderAmount;
    if (program) {
      offer ??= p({ 'data-vouch-part': 'offer' });
      offer.textContent =
        m.offer(program.friendOffer.description, program.referrerReward.description) +
        (minimum && config?.referral
          ? ` ${m.minimum(money(minimum, config.referral.currency, config.locale))}`
          : '');
    } else offer = undefined;
    card.dataset.state = data?.kind ?? now.status;
    card.setAttribute('aria-busy', String(now.status === 'loading'));
    setChildren(card, [
      title,
      offer,
      now.status === 'loading' && p({ role: 'status' }, m.loading),
      now.status === 'error' &&
        div(
          { role: 'alert' },
          p(m.failed),
          button({ type: 'button', class: 'vouch-button', onclick: retry }, m.retry),
        ),
      data?.kind === 'anonymous' && p(m.signIn),
      ...(data?.kind === 'ready' ? ready(data) : []),
    ]);
    return card;
  };
}
