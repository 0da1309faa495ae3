/**
 * Every word the `referral` widget shows, in English. A locale replaces the table (or
 * some entries, through the `messages` option of `ReferralCard`); the widget itself holds
 * no text. Offers arrive already in words from the server (`describeReward` in the site's
 * locale), so they slot into these sentences.
 */
export const referralMessages = {
  title: 'Refer a friend',
  offer: (friendOffer: string, reward: string) =>
    `Give your friends ${friendOffer}; get ${reward} for each friend who orders.`,
  minimum: (amount: string) => `Orders from ${amount} count.`,
  signIn: 'Sign in or place an order to get your link.',
  loading: 'Loading your referral link…',
  failed: 'Your referral link could not be loaded.',
  retry: 'Try again',
  link: 'Your referral link',
  copy: 'Copy link',
  copied: 'Link copied.',
  copyByHand: 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.',
  share: 'Share your link',
  shareVia: (channel: string) => `Share via ${channel}`,
  newTab: ' (opens in a new tab)',
  moreWays: 'More ways to share',
  shareText: (offer: string, shop: string) =>
    `Here's ${offer}${shop ? ` at ${shop}` : ''} with my link. I get a reward if you buy.`,
  disclosure: 'When you share, say that you get a reward if your friend buys.',
  friends: 'Friends who ordered',
  earned: 'Rewards earned',
  pending: 'Rewards pending',
  rewards: 'Your rewards',
  approved: 'earned',
  waiting: 'pending',
  waitingUntil: (date: string) => `pending until ${date}`,
  review: 'being checked',
  code: 'code',
  reasons: {
    friend: "a friend's order",
    milestone: 'milestone bonus',
    offer: 'welcome offer',
    share: 'sharing',
  },
  channels: {
    x: 'X',
    facebook: 'Facebook',
    linkedin: 'LinkedIn',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    reddit: 'Reddit',
    pinterest: 'Pinterest',
    email: 'Email',
    sms: 'SMS',
    bluesky: 'Bluesky',
    threads: 'Threads',
    mastodon: 'Mastodon',
  },
};

/** The words of the `referral` widget: {@link referralMessages} or a translation of it. */
export type ReferralMessages = typeof referralMessages;
