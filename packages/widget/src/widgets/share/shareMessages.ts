import type { ShareRewardOn } from '@vouch/core';

/**
 * Every word the `share` widget shows, in English. Offers arrive already in words from
 * the server (`describeReward` in the site's locale), so they slot into these sentences.
 */
export const shareMessages = {
  /** The name of the group of buttons. */
  share: 'Share',
  native: 'Share…',
  copy: 'Copy link',
  copied: 'Link copied',
  copyByHand: 'Press Ctrl+C to copy',
  /** The field the link is selected in when the browser would not copy it. */
  link: 'Link',
  instance: 'Your Mastodon server',
  instanceHint: 'Type the name of your Mastodon server, such as mastodon.social',
  go: 'Share',
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
  /** What the sharer gets, by what earns it; `reward` is in plain words ("5% off"). */
  incentive: (on: NonNullable<ShareRewardOn>, reward: string) =>
    on === 'share'
      ? `Share and get ${reward}.`
      : `Share with a friend: when they ${on === 'visit' ? 'visit' : 'order'}, you get ${reward}.`,
  disclosure: 'When you share, say that you get a reward.',
  earned: (reward: string, coupon?: string) =>
    `You earned ${reward}${coupon ? `: ${coupon}` : '.'}`,
};
