import type { NpsCategory } from '@vouch/core';
import type { OnUnmount } from '../../dom/OnUnmount.js';
import { tags } from '../../dom/tags.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import type { NpsFollowUpMessages } from './npsFollowUpMessages.js';

const { a, div, p } = tags;

/** A promoter's referral link, as the thanks shows it. */
export interface NpsReferral {
  link: string;
  code: string;
  /** The friend's offer in words ("10% off"), for the share text. */
  friendOffer: string;
}

/** What {@link npsThanks} shows. */
export interface NpsThanksSettings {
  category: NpsCategory;
  merchant: string;
  testimonialUrl: string | undefined;
  loadReferral: (() => Promise<NpsReferral | null>) | undefined;
  /** Whether the shopper agreed to be contacted. */
  contact: boolean;
  messages: NpsFollowUpMessages;
  emit: EmitEvent | undefined;
  /** Ids unique to the widget instance, for the link field and the share row. */
  id(part: string): string;
}

/** The promoter's link and the share buttons' code, fetched side by side. */
const loadPromoter = (load: () => Promise<NpsReferral | null>) =>
  Promise.all([load(), import('./promoterParts.js')]).then(([referral, parts]) =>
    referral ? { referral, parts } : null,
  );

/**
 * What follows the answer. Every respondent gets the same invitation to write a
 * testimonial (no review gating); promoters also get their referral link with a Copy
 * button and share buttons (where the site runs a program and the shopper has a link),
 * whose code loads only then; a detractor who agreed to be contacted is told so.
 */
export function npsThanks(settings: NpsThanksSettings, onUnmount: OnUnmount): HTMLElement {
  const { category, merchant, messages: m, loadReferral, id } = settings;
  const emit: EmitEvent = settings.emit ?? (() => {});
  const thanks = div(
    { 'data-vouch-part': 'thanks' },
    settings.contact ? p(m.contactNote) : null,
    settings.testimonialUrl
      ? p(
          m.testimonial,
          ' ',
          a({ class: 'vouch-link', href: settings.testimonialUrl }, m.writeTestimonial),
        )
      : null,
  );
  if (category !== 'promoter' || !loadReferral) return thanks;
  let live = true;
  onUnmount(() => {
    live = false;
  });
  loadPromoter(loadReferral).then(
    (shown) => {
      if (!shown || !live) return;
      const { referral, parts } = shown;
      const words = parts.referralWords(m.referral);
      thanks.append(
        p(m.refer),
        parts.copyField(
          {
            id: id('link'),
            label: words.link,
            value: referral.link,
            messages: words,
            onCopied: () => emit('referral:copied', { code: referral.code, link: referral.link }),
          },
          onUnmount,
        ),
        parts.shareRow({
          id: id('share'),
          link: referral.link,
          code: referral.code,
          text: words.shareText(referral.friendOffer, merchant),
          title: merchant,
          channels: parts.DEFAULT_CHANNELS,
          messages: words,
          emit,
        }),
      );
    },
    // No link to show (the program is off, or it could not load): the thanks stands as is.
    () => {},
  );
  return thanks;
}
