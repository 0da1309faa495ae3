import { validate } from '../guards/check.js';
import { httpUrlCheck } from '../guards/wireChecks.js';

/** The share channels of {@link shareUrl}, in the order a share row usually shows them. */
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
] as const;

/** A channel {@link shareUrl} knows. */
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** What to share: the link, and the words that go with it where the channel takes them. */
export interface ShareContent {
  /** The link to share, an absolute http(s) URL (usually from `referralLink`). */
  url: string;
  /** A message to go with the link ("Ada recommends Lather & Leaf: 10% off your first order"). */
  text?: string;
  /** A title or subject, where the channel has one (e-mail subject, Reddit title). */
  title?: string;
}

const q = encodeURIComponent;
// Where a channel takes no separate link, the link goes after the message.
const withLink = (text: string, url: string) => (text ? `${text} ${url}` : url);

const BUILDERS: Record<ShareChannel, (url: string, text: string, title: string) => string> = {
  x: (url, text) => `https://x.com/intent/post?text=${q(text)}&url=${q(url)}`,
  facebook: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
  linkedin: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
  whatsapp: (url, text) => `https://wa.me/?text=${q(withLink(text, url))}`,
  telegram: (url, text) => `https://t.me/share/url?url=${q(url)}&text=${q(text)}`,
  reddit: (url, text, title) =>
    `https://www.reddit.com/submit?url=${q(url)}&title=${q(title || text)}`,
  pinterest: (url, text, title) =>
    `https://www.pinterest.com/pin/create/button/?url=${q(url)}&description=${q(text || title)}`,
  // mailto and sms bodies need %20 for spaces (a + stays a +): encodeURIComponent does that.
  email: (url, text, title) =>
    `mailto:?subject=${q(title || text)}&body=${q(text ? `${text}\n\n${url}` : url)}`,
  // `?&body=` is the form both iOS and Android read.
  sms: (url, text) => `sms:?&body=${q(withLink(text, url))}`,
};

/**
 * A URL that opens `channel`'s share dialog (or the mail or messages app) with `url` and
 * the given words, every part encoded. Throws a `TypeError` naming `channel` or `url`
 * when one is not valid.
 */
export function shareUrl(channel: ShareChannel, content: ShareContent): string {
  const build = Object.hasOwn(BUILDERS, channel) ? BUILDERS[channel] : undefined;
  if (!build) {
    throw new TypeError(
      `[vouch] shareUrl: "channel" must be one of ${SHARE_CHANNELS.join(', ')}; got ${String(channel)}`,
    );
  }
  if (!validate(httpUrlCheck, content?.url).ok) {
    throw new TypeError('[vouch] shareUrl: "url" must be an absolute http(s) URL');
  }
  return build(content.url, content.text ?? '', content.title ?? '');
}
