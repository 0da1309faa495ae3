import { validate } from '../guards/check.js';
import { httpUrlCheck } from '../guards/wireChecks.js';
import { mastodonInstance } from './mastodonInstance.js';
import { SHARE_CHANNELS, type ShareChannel } from './shareChannels.js';

export { SHARE_CHANNELS, type ShareChannel };

/** What to share: the link, and the words that go with it where the channel takes them. */
export interface ShareContent {
  /** The link to share, an absolute http(s) URL (usually from `shareLink`). */
  url: string;
  /** A message to go with the link ("Ada recommends Lather & Leaf: 10% off your first order"). */
  text?: string;
  /** A title or subject, where the channel has one (e-mail subject, Reddit title). */
  title?: string;
  /**
   * The shopper's Mastodon server, such as `mastodon.social` (a host name with an
   * optional port, see `mastodonInstance`). Required for `mastodon`, unused otherwise.
   */
  instance?: string;
}

// encodeURIComponent throws on half a surrogate pair (text cut in the middle of an emoji):
// such a half becomes U+FFFD, the replacement character, instead.
const wellFormed = (value: string) =>
  value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) =>
    unit.length === 2 ? unit : '\uFFFD',
  );
const q = (value: string) => encodeURIComponent(wellFormed(value));
// Where a channel takes no separate link, the link goes after the message.
const withLink = (text: string, url: string) => (text ? `${text} ${url}` : url);

type Build = (url: string, text: string, title: string, instance: string) => string;

const BUILDERS: Record<ShareChannel, Build> = {
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
  // Bluesky's compose intent takes only `text`; the link in it becomes a link card.
  bluesky: (url, text) => `https://bsky.app/intent/compose?text=${q(withLink(text, url))}`,
  // Threads documents `url` as the post's link attachment (threads.net redirects here).
  threads: (url, text) => `https://www.threads.com/intent/post?text=${q(text)}&url=${q(url)}`,
  // `/share?text=` is what Mastodon serves and what Misskey and other servers copy;
  // only `text` is read by all of them, so the link goes in it.
  mastodon: (url, text, _title, instance) =>
    `https://${instance}/share?text=${q(withLink(text, url))}`,
};

/**
 * A URL that opens `channel`'s share dialog (or the mail or messages app) with `url` and
 * the given words, every part encoded. `mastodon` needs `instance`, the shopper's server.
 * Throws a `TypeError` naming `channel`, `url` or `instance` when one is not valid.
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
  let instance = '';
  if (channel === 'mastodon') {
    instance = mastodonInstance(content.instance) ?? '';
    if (!instance) {
      throw new TypeError(
        `[vouch] shareUrl: "instance" must be the host name of a Mastodon server, such as mastodon.social (a port may follow; no https://, path or user); got ${String(content.instance)}`,
      );
    }
  }
  return build(content.url, content.text ?? '', content.title ?? '', instance);
}
