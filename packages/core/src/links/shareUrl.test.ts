import { describe, expect, it } from 'vitest';
import { SHARE_CHANNELS, type ShareChannel, shareUrl } from './shareUrl.js';

const link = 'https://shop.example/?ref=Ab3dEf7h&utm_source=share#top';
const text = 'Ada says: 10% off & free soap? Yes! 🧼 #clean';
const title = 'A gift from Ada';
const content = { url: link, text, title };

/** The query of a share URL, decoded. */
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('shareUrl', () => {
  it('x: text and url', () => {
    const url = shareUrl('x', content);
    expect(url.startsWith('https://x.com/intent/post?')).toBe(true);
    expect(params(url)).toEqual({ text, url: link });
  });

  it('facebook: the link only (Facebook reads the rest from the page)', () => {
    const url = shareUrl('facebook', content);
    expect(url.startsWith('https://www.facebook.com/sharer/sharer.php?')).toBe(true);
    expect(params(url)).toEqual({ u: link });
  });

  it('linkedin: the link only', () => {
    const url = shareUrl('linkedin', content);
    expect(url.startsWith('https://www.linkedin.com/sharing/share-offsite/?')).toBe(true);
    expect(params(url)).toEqual({ url: link });
  });

  it('whatsapp: the message with the link after it', () => {
    const url = shareUrl('whatsapp', content);
    expect(url.startsWith('https://wa.me/?')).toBe(true);
    expect(params(url)).toEqual({ text: `${text} ${link}` });
    expect(params(shareUrl('whatsapp', { url: link }))).toEqual({ text: link });
  });

  it('telegram: url and text', () => {
    const url = shareUrl('telegram', content);
    expect(url.startsWith('https://t.me/share/url?')).toBe(true);
    expect(params(url)).toEqual({ url: link, text });
  });

  it('reddit: url and title (the text when there is no title)', () => {
    const url = shareUrl('reddit', content);
    expect(url.startsWith('https://www.reddit.com/submit?')).toBe(true);
    expect(params(url)).toEqual({ url: link, title });
    expect(params(shareUrl('reddit', { url: link, text }))).toEqual({ url: link, title: text });
  });

  it('pinterest: url and description', () => {
    const url = shareUrl('pinterest', content);
    expect(url.startsWith('https://www.pinterest.com/pin/create/button/?')).toBe(true);
    expect(params(url)).toEqual({ url: link, description: text });
  });

  it('email: subject and body, spaces as %20 so mail apps do not show plus signs', () => {
    const url = shareUrl('email', content);
    expect(url.startsWith('mailto:?subject=')).toBe(true);
    expect(url).not.toContain('+');
    const [, query = ''] = url.split('?');
    const fields = Object.fromEntries(
      query.split('&').map((pair) => pair.split('=').map(decodeURIComponent)),
    );
    expect(fields).toEqual({ subject: title, body: `${text}\n\n${link}` });
  });

  it('sms: the message with the link after it', () => {
    const url = shareUrl('sms', content);
    expect(url.startsWith('sms:?&body=')).toBe(true);
    expect(decodeURIComponent(url.slice('sms:?&body='.length))).toBe(`${text} ${link}`);
    expect(url).not.toMatch(/[ #&](?!body=)/);
  });

  it('encodes every part, so nothing in the text can add or end a parameter', () => {
    const sneaky = { url: link, text: 'a&url=https://evil.example#x', title: 'b?c=d' };
    for (const channel of SHARE_CHANNELS) {
      const url = shareUrl(channel, { ...sneaky, instance: 'mastodon.social' });
      expect(url).not.toContain('evil.example#');
      expect(url).not.toContain('&url=https://evil');
      expect(url.split('#')).toHaveLength(1);
    }
  });

  it('bluesky: the message with the link after it, in the compose intent', () => {
    const url = shareUrl('bluesky', content);
    expect(url.startsWith('https://bsky.app/intent/compose?')).toBe(true);
    expect(params(url)).toEqual({ text: `${text} ${link}` });
    expect(params(shareUrl('bluesky', { url: link }))).toEqual({ text: link });
  });

  it('threads: text and the link as its attachment', () => {
    const url = shareUrl('threads', content);
    expect(url.startsWith('https://www.threads.com/intent/post?')).toBe(true);
    expect(params(url)).toEqual({ text, url: link });
  });

  it("mastodon: the shopper's server, with the message and the link", () => {
    const url = shareUrl('mastodon', { ...content, instance: 'mastodon.social' });
    expect(url.startsWith('https://mastodon.social/share?')).toBe(true);
    expect(params(url)).toEqual({ text: `${text} ${link}` });
    expect(shareUrl('mastodon', { url: link, instance: ' Social.Example:8443 ' })).toBe(
      `https://social.example:8443/share?text=${encodeURIComponent(link)}`,
    );
  });

  it('mastodon: refuses a missing or bad instance, naming it', () => {
    for (const instance of [
      undefined,
      '',
      'https://mastodon.social',
      'mastodon.social/share',
      'me@mastodon.social',
      'evil.example#mastodon.social',
      'mastodon.social:99999',
    ]) {
      const bad = instance === undefined ? { url: link } : { url: link, instance };
      expect(() => shareUrl('mastodon', bad)).toThrow(TypeError);
      expect(() => shareUrl('mastodon', bad)).toThrow(/"instance"/);
    }
    // Other channels ignore it.
    expect(() => shareUrl('x', { url: link, instance: 'not a host' })).not.toThrow();
  });

  it('turns half an emoji into the replacement character instead of throwing', () => {
    const cutEmoji = 'Soap 🧼'.slice(0, -1);
    for (const channel of SHARE_CHANNELS) {
      expect(() =>
        shareUrl(channel, { url: link, text: cutEmoji, instance: 'mastodon.social' }),
      ).not.toThrow();
    }
    expect(params(shareUrl('x', { url: link, text: cutEmoji })).text).toBe('Soap \uFFFD');
  });

  it('knows the nine channels of the contract, then bluesky, threads and mastodon', () => {
    expect(SHARE_CHANNELS).toEqual([
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
    ]);
  });

  it('refuses an unknown channel or a bad URL, naming it', () => {
    expect(() => shareUrl('myspace' as ShareChannel, content)).toThrow(/"channel"/);
    expect(() => shareUrl('toString' as ShareChannel, content)).toThrow(TypeError);
    expect(() => shareUrl('x', { url: 'javascript:alert(1)' })).toThrow(/"url"/);
    expect(() => shareUrl('x', { url: '/relative' })).toThrow(TypeError);
  });
});
