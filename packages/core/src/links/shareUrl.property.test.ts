import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mastodonInstance } from './mastodonInstance.js';
import { SHARE_CHANNELS, type ShareChannel, shareUrl } from './shareUrl.js';

/** The fields of a share URL's query, decoded; mailto: and sms: are read by hand. */
function fields(shared: string): Record<string, string> {
  if (shared.startsWith('mailto:') || shared.startsWith('sms:')) {
    const query = shared.slice(shared.indexOf('?') + 1);
    const pairs = query
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [name = '', value = ''] = pair.split('=');
        return [decodeURIComponent(name), decodeURIComponent(value)];
      });
    return Object.fromEntries(pairs);
  }
  return Object.fromEntries(new URL(shared).searchParams);
}

/** `message` with ` url` at its end, or `url` alone: the text and the link again. */
function split(message: string | undefined, url: string, glue = ' ') {
  if (message === url) return { text: '', url };
  expect(message?.endsWith(`${glue}${url}`)).toBe(true);
  return { text: message?.slice(0, -(glue.length + url.length)), url };
}

/** What each channel's URL says, read back as the words and the link that went in. */
const READ: Record<ShareChannel, (f: Record<string, string>, url: string) => unknown> = {
  x: (f) => ({ text: f.text, url: f.url }),
  facebook: (f) => ({ url: f.u }),
  linkedin: (f) => ({ url: f.url }),
  whatsapp: (f, url) => split(f.text, url),
  telegram: (f) => ({ text: f.text, url: f.url }),
  reddit: (f) => ({ title: f.title, url: f.url }),
  pinterest: (f) => ({ text: f.description, url: f.url }),
  email: (f, url) => ({ ...split(f.body, url, '\n\n'), subject: f.subject }),
  sms: (f, url) => split(f.body, url),
  bluesky: (f, url) => split(f.text, url),
  threads: (f) => ({ text: f.text, url: f.url }),
  mastodon: (f, url) => split(f.text, url),
};

/** What each channel was given, in the shape {@link READ} reads back. */
const SENT: Record<ShareChannel, (text: string, url: string, title: string) => unknown> = {
  x: (text, url) => ({ text, url }),
  facebook: (_text, url) => ({ url }),
  linkedin: (_text, url) => ({ url }),
  whatsapp: (text, url) => ({ text, url }),
  telegram: (text, url) => ({ text, url }),
  // Without a title, the words stand in for it; so do they for the e-mail subject.
  reddit: (text, url, title) => ({ title: title || text, url }),
  pinterest: (text, url, title) => ({ text: text || title, url }),
  email: (text, url, title) => ({ text, url, subject: title || text }),
  sms: (text, url) => ({ text, url }),
  bluesky: (text, url) => ({ text, url }),
  threads: (text, url) => ({ text, url }),
  mastodon: (text, url) => ({ text, url }),
};

const httpUrl = fc
  .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
  .filter((url) => url.length <= 2048);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('a&url=https://evil.example#x', 'b?c=d&e', '100% off + more', ' \n\t ', '=&?#'),
);

describe('shareUrl (properties)', () => {
  it('gives back exactly the text and the link, on every channel', () => {
    fc.assert(
      fc.property(httpUrl, anyText, fc.oneof(fc.constant(''), anyText), (url, text, title) => {
        for (const channel of SHARE_CHANNELS) {
          const shared = shareUrl(channel, { url, text, title, instance: 'mastodon.social' });
          expect(shared.includes('#'), channel).toBe(false);
          expect(READ[channel](fields(shared), url), channel).toEqual(
            SENT[channel](text, url, title),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on half a surrogate pair: the text comes back well formed', () => {
    const units = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      maxLength: 40,
    });
    fc.assert(
      fc.property(units, (text) => {
        const url = 'https://shop.example/?ref=Ab3dEf7h';
        // Node's UTF-8 encoder stands in for the browser: a lone half becomes U+FFFD.
        const wellFormed = Buffer.from(text, 'utf8').toString('utf8');
        for (const channel of SHARE_CHANNELS) {
          const shared = shareUrl(channel, { url, text, instance: 'mastodon.social' });
          const read = READ[channel](fields(shared), url) as { text?: string };
          if ('text' in read && read.text !== undefined) expect(read.text).toBe(wellFormed);
        }
      }),
    );
  });

  it("opens the shopper's own Mastodon server and no other", () => {
    fc.assert(
      fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })), (domain, port) => {
        const typed = port === null ? domain : `${domain}:${port}`;
        const instance = mastodonInstance(typed);
        fc.pre(instance !== null);
        const shared = new URL(
          shareUrl('mastodon', { url: 'https://shop.example/', instance: typed.toUpperCase() }),
        );
        expect(shared.protocol).toBe('https:');
        expect(shared.host).toBe(new URL(`https://${typed}/`).host);
        expect(shared.pathname).toBe('/share');
        expect(shared.username + shared.password + shared.hash).toBe('');
      }),
    );
  });
});
