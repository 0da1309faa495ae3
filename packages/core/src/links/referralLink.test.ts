import { describe, expect, it } from 'vitest';
import { readReferral } from '../readReferral.js';
import { referralLink } from './referralLink.js';

describe('referralLink', () => {
  it('adds ref to a bare URL', () => {
    expect(referralLink('https://shop.example', 'Ab3dEf7h')).toBe(
      'https://shop.example/?ref=Ab3dEf7h',
    );
  });

  it('keeps every other parameter as written and the fragment', () => {
    const link = referralLink('https://shop.example/p?a=b%20c&flag&x=1+2#reviews', 'Ab3dEf7h');
    expect(link).toBe('https://shop.example/p?a=b%20c&flag&x=1+2&ref=Ab3dEf7h#reviews');
    expect(readReferral(link)).toBe('Ab3dEf7h');
  });

  it('replaces an existing ref in any case, every time it appears', () => {
    expect(referralLink('https://shop.example/?REF=old1&q=1&Ref=old2&%72ef=old3', 'Ab3dEf7h')).toBe(
      'https://shop.example/?q=1&ref=Ab3dEf7h',
    );
    expect(referralLink('https://shop.example/?prefix=1&refx=2', 'Ab3dEf7h')).toBe(
      'https://shop.example/?prefix=1&refx=2&ref=Ab3dEf7h',
    );
  });

  it('adds UTM parameters, encoded, replacing ones of the same name', () => {
    const link = referralLink('https://shop.example/?utm_source=old&b=2', 'Ab3dEf7h', {
      utm: { source: 'friends & family', medium: 'share', campaign: 'spring/26' },
    });
    expect(link).toBe(
      'https://shop.example/?b=2&ref=Ab3dEf7h&utm_source=friends%20%26%20family&utm_medium=share&utm_campaign=spring%2F26',
    );
    const params = new URL(link).searchParams;
    expect(params.get('utm_source')).toBe('friends & family');
    expect(params.get('utm_campaign')).toBe('spring/26');
  });

  it('leaves out UTM parameters that are not given', () => {
    expect(referralLink('https://shop.example/', 'Ab3dEf7h', { utm: { medium: 'email' } })).toBe(
      'https://shop.example/?ref=Ab3dEf7h&utm_medium=email',
    );
  });

  it('refuses a bad URL or code, naming it', () => {
    expect(() => referralLink('/relative', 'Ab3dEf7h')).toThrow(/"url"/);
    expect(() => referralLink('javascript:alert(1)', 'Ab3dEf7h')).toThrow(TypeError);
    expect(() => referralLink('https://shop.example/', 'no spaces')).toThrow(/"code"/);
    expect(() => referralLink('https://shop.example/', 'ab')).toThrow(TypeError);
  });
});
