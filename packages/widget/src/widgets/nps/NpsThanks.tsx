import type { NpsCategory } from '@vouch/core';
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

/** The promoter's link and the share buttons' code, fetched side by side. */
const loadPromoter = (load: () => Promise<NpsReferral | null>) =>
  Promise.all([load(), import('./promoterParts.js')]).then(([referral, parts]) =>
    referral ? { referral, parts } : null,
  );

/**
 * What follows the answer. Every respondent gets the same invitation to write a
 * testimonial (no review gating); promoters also get their referral link with a Copy
 * button and share buttons (where the site runs a program and the shopper has a link); a
 * detractor who agreed to be contacted is told so.
 */
export function NpsThanks(props: NpsThanksProps) {
  const { category, merchant, messages: m, loadReferral } = props;
  const promoter = category === 'promoter' && loadReferral;
  const [state] = useLoad(
    () => (promoter ? loadPromoter(promoter) : Promise.resolve(null)),
    promoter ? 'promoter' : '',
  );
  const shown = state.status === 'done' ? state.value : null;
  const emit: EmitEvent = props.emit ?? (() => {});
  const words = shown?.parts.referralWords(m.referral);
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
      {shown && words && (
        <>
          <p>{m.refer}</p>
          <CopyField
            label={words.link}
            value={shown.referral.link}
            messages={words}
            onCopied={() =>
              emit('referral:copied', { code: shown.referral.code, link: shown.referral.link })
            }
          />
          <shown.parts.ShareRow
            link={shown.referral.link}
            code={shown.referral.code}
            text={words.shareText(shown.referral.friendOffer, merchant)}
            title={merchant}
            channels={shown.parts.DEFAULT_CHANNELS}
            messages={words}
            emit={emit}
          />
        </>
      )}
    </div>
  );
}
