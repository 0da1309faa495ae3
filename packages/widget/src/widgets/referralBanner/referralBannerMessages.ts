/**
 * Every word the `referral-banner` widget shows, in English. A locale replaces the table
 * (or some entries, through the `messages` option of `ReferralBanner`). The offer arrives
 * in words from the server (`describeReward` in the site's locale).
 */
export const referralBannerMessages = {
  gave: (referrer: string | null, offer: string) => `${referrer ?? 'A friend'} gave you ${offer}`,
  code: 'Your code, for the checkout',
  copy: 'Copy code',
  copied: 'Code copied.',
  copyByHand: 'Press Ctrl+C (⌘C on a Mac) to copy the selected code.',
  claimFailed: 'Your code could not be loaded.',
  retry: 'Try again',
  dismiss: 'Dismiss the offer',
};

/** The words of the `referral-banner` widget: {@link referralBannerMessages} or a translation. */
export type ReferralBannerMessages = typeof referralBannerMessages;
