import { describe, expect, it } from 'vitest';
import { readReferral } from '../readReferral.js';
import {
  readShareChannel,
  SHARE_LINK_CHANNELS,
  type ShareLinkChannel,
  shareLink,
} from './shareLink.js';
import { SHARE_CHANNELS } from './shareUrl.js';

describe('shareLink', () => {
  it('adds the code and the UTM parameters of the channel', () => {
    expect(shareLink('https://shop.example/p/1', { code: 'Ab3dEf7h', channel: 'whatsapp' })).toBe(
      'https://shop.example/p/1?ref=Ab3dEf7h&utm_source=whatsapp&utm_medium=share&utm_campaign=vouch',
    );
  });

  it('takes a campaign, encoded', () => {
    const link = shareLink('https://shop.example/', {
      code: 'Ab3dEf7h',
      channel: 'x',
      campaign: 'spring & friends/26',
    });
    expect(link).toBe(
      'https://shop.example/?ref=Ab3dEf7h&utm_source=x&utm_medium=share&utm_campaign=spring%20%26%20friends%2F26',
    );
    expect(new URL(link).searchParams.get('utm_campaign')).toBe('spring & friends/26');
  });

  it('keeps other parameters as written and the fragment; replaces ref and every utm_*', () => {
    const link = shareLink(
      'https://shop.example/p?a=b%20c&flag&REF=old1&utm_source=news&UTM_CONTENT=hero&x=1+2#reviews',
      { code: 'Ab3dEf7h', channel: 'email' },
    );
    expect(link).toBe(
      'https://shop.example/p?a=b%20c&flag&x=1+2&ref=Ab3dEf7h&utm_source=email&utm_medium=share&utm_campaign=vouch#reviews',
    );
    expect(readReferral(link)).toBe('Ab3dEf7h');
    expect(readShareChannel(link)).toBe('email');
  });

  it("without a code credits nobody: another sharer's ref is removed", () => {
    const link = shareLink('https://shop.example/?ref=Someone9&q=soap', { channel: 'copy' });
    expect(link).toBe(
      'https://shop.example/?q=soap&utm_source=copy&utm_medium=share&utm_campaign=vouch',
    );
    expect(readReferral(link)).toBeNull();
    expect(readShareChannel(link)).toBe('copy');
  });

  it('knows every share channel, the share sheet and a copied link', () => {
    expect(SHARE_LINK_CHANNELS).toEqual([...SHARE_CHANNELS, 'native', 'copy']);
    for (const channel of SHARE_LINK_CHANNELS) {
      const link = shareLink('https://shop.example/', { code: 'Ab3dEf7h', channel });
      expect(readShareChannel(link)).toBe(channel);
    }
  });

  it('refuses a bad URL, code, channel or campaign, naming it', () => {
    const url = 'https://shop.example/';
    expect(() => shareLink('/relative', { channel: 'x' })).toThrow(/"url"/);
    expect(() => shareLink('javascript:alert(1)', { channel: 'x' })).toThrow(TypeError);
    expect(() => shareLink(url, { code: 'no spaces', channel: 'x' })).toThrow(/"code"/);
    expect(() => shareLink(url, { channel: 'myspace' as ShareLinkChannel })).toThrow(/"channel"/);
    expect(() => shareLink(url, { channel: 'x', campaign: ' ' })).toThrow(/"campaign"/);
    expect(() => shareLink(url, { channel: 'x', campaign: 'c'.repeat(101) })).toThrow(TypeError);
  });
});

describe('readShareChannel', () => {
  it('reads the channel of a shared link, in any case', () => {
    expect(readShareChannel('https://shop.example/?utm_source=x&utm_medium=share')).toBe('x');
    expect(readShareChannel('https://shop.example/?UTM_SOURCE=Bluesky&Utm_Medium=SHARE')).toBe(
      'bluesky',
    );
  });

  it('is null for other links, unknown channels and things that are not URLs', () => {
    for (const url of [
      'https://shop.example/',
      'https://shop.example/?utm_source=email&utm_medium=newsletter',
      'https://shop.example/?utm_source=email',
      'https://shop.example/?utm_source=myspace&utm_medium=share',
      'https://shop.example/?utm_source=toString&utm_medium=share',
      'not a url',
      '',
    ]) {
      expect(readShareChannel(url), url).toBeNull();
    }
  });
});
