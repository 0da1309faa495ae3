import type { ShareChannel, VouchClient } from '@vouch/core';
import { useId, useRef } from 'preact/hooks';
import { useClientState } from '../../useClientState.js';
import { CopyField } from '../shared/CopyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { useLoad } from '../shared/useLoad.js';
import { loadReferralCard, type ReferralCardData } from './loadReferralCard.js';
import { RewardList } from './RewardList.js';
import { type ReferralMessages, referralMessages } from './referralMessages.js';
import { ShareRow } from './ShareRow.js';
import { DEFAULT_CHANNELS } from './shareChannels.js';

/** Props of {@link ReferralCard}. */
export interface ReferralCardProps {
  /** The core client: the customer's identity, their referral and the site's settings. */
  client: VouchClient;
  /** Share channels, in order. @default ['whatsapp', 'facebook', 'x', 'email'] */
  channels?: readonly ShareChannel[] | undefined;
  /** Words to replace, for another language. @default referralMessages (English) */
  messages?: Partial<ReferralMessages> | undefined;
  /** Raises `referral:copied` and `share`. @default the client's `emit` */
  emit?: EmitEvent | undefined;
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
export function ReferralCard({ client, channels, messages, emit }: ReferralCardProps) {
  const m = messages ? { ...referralMessages, ...messages } : referralMessages;
  const send: EmitEvent = emit ?? ((name, detail) => client.emit(name, detail));
  const customer = useClientState(client).identity?.id ?? '';
  const [state, retry] = useLoad(() => loadReferralCard(client), customer);
  const titleId = useId();
  const data = state.status === 'done' ? state.value : undefined;
  // While it loads again (another customer), the offer it showed stays where it was:
  // the title and the offer come first, so nothing on screen moves as the card loads.
  const shown = useRef<ReferralCardData>(undefined);
  if (data) shown.current = data;
  if (data?.kind === 'off') return null;

  const last = state.status === 'loading' ? shown.current : data;
  const config = last?.kind === 'off' ? undefined : last?.config;
  const program =
    last?.kind === 'ready' ? last.referral : last?.kind === 'anonymous' ? last.program : undefined;
  const minimum = config?.referral?.minOrderAmount;
  return (
    <section
      class="vouch-card"
      data-vouch-part="referral"
      data-state={data?.kind ?? state.status}
      aria-labelledby={titleId}
      aria-busy={state.status === 'loading'}
    >
      <h2 id={titleId}>{m.title}</h2>
      {program && (
        <p data-vouch-part="offer">
          {m.offer(program.friendOffer.description, program.referrerReward.description)}
          {minimum && config?.referral
            ? ` ${m.minimum(money(minimum, config.referral.currency, config.locale))}`
            : ''}
        </p>
      )}
      {state.status === 'loading' && <p role="status">{m.loading}</p>}
      {state.status === 'error' && (
        <div role="alert">
          <p>{m.failed}</p>
          <button type="button" class="vouch-button" onClick={retry}>
            {m.retry}
          </button>
        </div>
      )}
      {data?.kind === 'anonymous' && <p>{m.signIn}</p>}
      {data?.kind === 'ready' && (
        <>
          <CopyField
            label={m.link}
            value={data.referral.link}
            messages={m}
            onCopied={() =>
              send('referral:copied', { code: data.referral.code, link: data.referral.link })
            }
          />
          <ShareRow
            link={data.referral.link}
            code={data.referral.code}
            text={m.shareText(data.referral.friendOffer.description, config?.name ?? '')}
            title={config?.name ?? ''}
            channels={channels ?? DEFAULT_CHANNELS}
            messages={m}
            emit={send}
          />
          <p class="vouch-muted">{m.disclosure}</p>
          <RewardList
            friends={data.referral.friends}
            rewards={data.referral.rewards}
            messages={m}
            locale={config?.locale}
          />
        </>
      )}
    </section>
  );
}
