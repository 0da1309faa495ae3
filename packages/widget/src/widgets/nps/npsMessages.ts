import type { ReferralMessages } from '../referral/referralMessages.js';

/**
 * Every word the `nps` widget shows, in English. A locale replaces the table (or some
 * entries, through the `messages` option of `NpsPrompt`); the widget itself holds no text.
 * `merchant` is the shop's name, from the widget's options or the site's settings.
 */
export const npsMessages = {
  question: (merchant: string) =>
    `How likely are you to recommend ${merchant || 'us'} to a friend or colleague?`,
  /** The name each score is announced by (the button shows the digit). */
  score: (score: number) => String(score),
  low: '0 – Not likely',
  high: '10 – Very likely',
  followUp: {
    promoter: (merchant: string) => `Great! What do you like most about ${merchant || 'us'}?`,
    passive: () => 'Thanks! What would make it a 10?',
    detractor: () => 'We are sorry. What went wrong?',
  },
  optional: '(optional)',
  contact: (merchant: string) => `${merchant || 'The shop'} may contact me about my answer`,
  send: 'Send',
  close: 'Close the survey',
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

/** The words of the `nps` widget: {@link npsMessages} or a translation of it. */
export type NpsMessages = typeof npsMessages;
