// The names of the share channels, apart from every network's share links (`shareUrl`),
// so that code which only checks a name (a friend's visit, a link's channel) loads none
// of those.

/**
 * The share channels of `shareUrl`, in the order a share row usually shows them; the
 * ones added since the first release come last, so existing lists keep their order.
 */
export const SHARE_CHANNELS = [
  'x',
  'facebook',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'pinterest',
  'email',
  'sms',
  'bluesky',
  'threads',
  'mastodon',
] as const;

/** A channel `shareUrl` knows. */
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
