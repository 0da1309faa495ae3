import type { ReferralMessages } from '../referral/referralMessages.js';

/**
 * The English words of what follows a score: the follow-up question, the contact
 * question, the Send button and the thanks. They load with the follow-up, after the prompt
 * has painted. `merchant` is the shop's name, as in `npsPromptMessages`.
 */
export const npsFollowUpMessages = {
  followUp: {
    promoter: (merchant: string) => `Great! What do you like most about ${merchant || 'us'}?`,
    passive: () => 'Thanks! What would make it a 10?',
    detractor: () => 'We are sorry. What went wrong?',
  },
  optional: '(optional)',
  contact: (merchant: string) => `${merchant || 'The shop'} may contact me about my answer`,
  send: 'Send',
  thanks: 'Thank you for your answer!',
  testimonial: 'Would you tell other shoppers about your experience?',
  writeTestimonial: 'Write a testimonial',
  contactNote: 'We will be in touch.',
  refer: 'Share the love: give your friends a treat with your link.',
  /**
   * Words of the promoters' referral link and share buttons to replace; the rest are the
   * `referral` widget's (`referralMessages`), loaded with that part after the answer.
   */
  referral: {} as Partial<ReferralMessages>,
};

/** The words {@link npsFollowUpMessages} holds, or a translation of them. */
export type NpsFollowUpMessages = typeof npsFollowUpMessages;
