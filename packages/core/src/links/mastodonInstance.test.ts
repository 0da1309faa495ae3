import { describe, expect, it } from 'vitest';
import { mastodonInstance } from './mastodonInstance.js';

describe('mastodonInstance', () => {
  it('takes a host name, lowercased, with an optional port', () => {
    expect(mastodonInstance('mastodon.social')).toBe('mastodon.social');
    expect(mastodonInstance('  Mastodon.Social ')).toBe('mastodon.social');
    expect(mastodonInstance('social.example:8443')).toBe('social.example:8443');
    expect(mastodonInstance('localhost:3000')).toBe('localhost:3000');
    expect(mastodonInstance('social.example:08443')).toBe('social.example:8443');
    expect(mastodonInstance('xn--caf-dma.example')).toBe('xn--caf-dma.example');
  });

  it('writes an international name in its ASCII form', () => {
    expect(mastodonInstance('café.example')).toBe('xn--caf-dma.example');
  });

  it('refuses a scheme, a path, a query, a fragment, user info or anything not a host', () => {
    for (const value of [
      '',
      '   ',
      'https://mastodon.social',
      '//mastodon.social',
      'mastodon.social/',
      'mastodon.social/@ada',
      'mastodon.social?x=1',
      'mastodon.social#x',
      'ada@mastodon.social',
      'ada:secret@mastodon.social',
      'mastodon.social:',
      'mastodon.social:0',
      'mastodon.social:65536',
      'mastodon.social:80:80',
      '[::1]',
      'mastodon .social',
      'mastodon_social.example',
      '-mastodon.social',
      'mastodon..social',
      'mastodon.social.',
      'a%2fb.example',
      'back\\slash.example',
      `${'a'.repeat(64)}.example`,
      null,
      undefined,
      42,
    ]) {
      expect(mastodonInstance(value), String(value)).toBeNull();
    }
  });
});
