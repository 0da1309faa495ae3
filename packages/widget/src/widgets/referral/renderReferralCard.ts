import type { ShareInput, VouchClient } from '@vouch/core';
import type { DomWidgetProps, View } from '../../defineDomWidget.js';
import { createLoad } from '../../dom/createLoad.js';
import { setChildren } from '../../dom/setChildren.js';
import { tags } from '../../dom/tags.js';
import { copyField } from '../shared/copyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { loadReferralCard, type ReferralCardData } from './loadReferralCard.js';
import type { ReferralMessages } from './referralMessages.js';
import { rewardList } from './rewardList.js';
import { readChannels } from './shareChannels.js';
import { shareRow } from './shareRow.js';

const { button, div, h2, p, section } = tags;

/** What the referral card shows and how it tells the page. */
export interface ReferralCardSettings {
  client: VouchClient;
  /**
   * The share channels in order, as given (a list, or names separated by commas or
   * spaces); read, and unknown names reported, when the card shows the link.
   * @default DEFAULT_CHANNELS
   */
  channels: unknown;
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
  {
    context: { id },
    onUnmount,
    refresh,
  }: Pick<DomWidgetProps, 'context' | 'onUnmount' | 'refresh'>,
): View {
  const load = createLoad(() => loadReferralCard(client), refresh, onUnmount);
  // Another shopper identified (or signed out): the view loads the card for them.
  onUnmount(client.subscribe(refresh));
  const titleId = id('title');
  const title = h2({ id: titleId }, m.title);
  const card = section({
    class: 'vouch-card',
    'data-vouch-part': 'referral',
    'aria-labelledby': titleId,
  });
  // Built once, and shown again as they are when the view is built again: nothing on
  // screen moves and nothing is announced twice.
  const offer = p({ 'data-vouch-part': 'offer' });
  const loading = p({ role: 'status' }, m.loading);
  const failed = div(
    { role: 'alert' },
    p(m.failed),
    button({ type: 'button', class: 'vouch-button', onclick: load.retry }, m.retry),
  );
  // The latest load shown, and what it shows below the title: the offer first, then the
  // rest, built once per load so that the link field keeps its focus and its note.
  let shown: ReferralCardData | undefined;
  let parts: HTMLElement[] = [];

  const shareButtons = (
    referral: Extract<ReferralCardData, { kind: 'ready' }>['referral'],
    config: Extract<ReferralCardData, { kind: 'ready' }>['config'],
  ) =>
    shareRow({
      id: id('share'),
      link: referral.link,
      code: referral.code,
      text: m.shareText(referral.friendOffer.description, config?.name ?? ''),
      title: config?.name ?? '',
      channels: readChannels(channels, (message) => console.warn(`[vouch] referral: ${message}`)),
      messages: m,
      // Each share is also recorded, for the merchant's report by channel.
      emit: (name, detail) => {
        emit(name, detail);
        if (name === 'share') {
          const { channel, url } = detail as { channel: ShareInput['channel']; url: string };
          void client.recordShare({ channel, url });
        }
      },
    });

  const ready = ({ referral, config }: Extract<ReferralCardData, { kind: 'ready' }>) => [
    offer,
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
    shareButtons(referral, config),
    p({ class: 'vouch-muted' }, m.disclosure),
    rewardList({
      id: id('rewards'),
      friends: referral.friends,
      rewards: referral.rewards,
      messages: m,
      locale: config?.locale,
    }),
  ];

  return () => {
    load.key(client.getSnapshot().identity?.id ?? '');
    const now = load.state();
    const { status } = now;
    const data = status === 'done' ? now.value : undefined;
    if (data && data !== shown) {
      shown = data;
      parts = [];
      if (data.kind !== 'off') {
        const { config } = data;
        const program = data.kind === 'ready' ? data.referral : data.program;
        const rule = config?.referral;
        offer.textContent =
          m.offer(program.friendOffer.description, program.referrerReward.description) +
          (rule?.minOrderAmount
            ? ` ${m.minimum(money(rule.minOrderAmount, rule.currency, config?.locale))}`
            : '');
        parts = data.kind === 'ready' ? ready(data) : [offer, p(m.signIn)];
      }
    }
    if (data?.kind === 'off') return null;
    card.dataset.state = data?.kind ?? status;
    card.setAttribute('aria-busy', String(status === 'loading'));
    // Loading again, the offer it showed stays where it was: the title and the offer come
    // first, so nothing on screen moves as the card loads.
    setChildren(card, [
      title,
      ...(data ? parts : status === 'loading' ? [parts[0], loading] : [failed]),
    ]);
    return card;
  };
}
