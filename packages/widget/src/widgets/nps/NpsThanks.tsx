import type { NpsCategory } from '@vouch/core';
import { ShareRow } from '../referral/ShareRow.js';
import { DEFAULT_CHANNELS } from '../referral/shareChannels.js';
import { CopyField } from '../shared/CopyField.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { useLoad } from '../shared/useLoad.js';
import type { NpsMessages } from './npsMessages.js';

/** A promoter's referral link, as the thanks shows it. */
export interface NpsReferral {
  link: string;
  code: string;
  /** The friend's offer in words ("10% off"), for the share text. */
  friendOffer: string;
}

/** Props of {@link NpsThanks}. */
export interface NpsThanksProps {
  category: NpsCategory;
  merchant: string;
  testimonialUrl: string | undefined;
  loadReferral: (() => Promise<NpsReferral | null>) | undefined;
  /** Whether the shopper agreed to be contacted. */
  contact: boolean;
  messages: NpsMessages;
  emit: EmitEvent | undefined;
}

const none = () => Promise.resolve(null);

/**
 * What follows the answer. Every respondent gets the same invitation to write a
 * testimonial (no review gating); promoters also get their referral link and share
 * buttons; a detractor who agreed to be contacted is told so.
 */
export function NpsThanks(props: NpsThanksProps) {
  const { category, messages: m, emit } = props;
  const promoter = category === 'promoter' && props.loadReferral;
  const [state] = useLoad(promoter || none, promoter ? 'promoter' : '');
  const referral = state.status === 'done' ? state.value : null;
  const send: EmitEvent = emit ?? (() => {});
  return (
    <div data-vouch-part="thanks">
      {props.contact && <p>{m.contactNote}</p>}
      {props.testimonialUrl && (
        <p>
          {m.testimonial}{' '}
          <a class="vouch-link" href={props.testimonialUrl}>
            {m.writeTestimonial}
          </a>
        </p>
      )}
      {referral && (
        <>
          <p>{m.refer}</p>
          <CopyField
            label={m.referral.link}
            value={referral.link}
            messages={m.referral}
            onCopied={() => send('referral:copied', { code: referral.code, link: referral.link })}
          />
          <ShareRow
            link={referral.link}
            code={referral.code}
            text={m.referral.shareText(referral.friendOffer, props.merchant)}
            title={props.merchant}
            channels={DEFAULT_CHANNELS}
            messages={m.referral}
            emit={send}
          />
        </>
      )}
    </div>
  );
}
