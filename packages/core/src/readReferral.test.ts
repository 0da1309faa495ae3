import { describe, expect, it } from 'vitest';
import { readReferral } from './readReferral.js';

describe('readReferral', () => {
  it('reads the ref parameter whatever its case', () => {
    expect(readReferral('https://shop.example/?ref=abc12345')).toBe('abc12345');
    expect(readReferral('https://shop.example/p?utm_source=x&REF=abc12345#top')).toBe('abc12345');
    expect(readReferral('https://shop.example/?Ref=Zq9xK2mP')).toBe('Zq9xK2mP');
  });

  it('gives null for missing, empty or invalid codes', () => {
    expect(readReferral('https://shop.example/')).toBeNull();
    expect(readReferral('https://shop.example/?ref=')).toBeNull();
    expect(readReferral('https://shop.example/?ref=%3Cscript%3E')).toBeNull();
    expect(readReferral('https://shop.example/?ref=<script>')).toBeNull();
    expect(readReferral('https://shop.example/?ref=abc')).toBeNull();
    expect(readReferral(`https://shop.example/?ref=${'a'.repeat(33)}`)).toBeNull();
    expect(readReferral('https://shop.example/?referrer=abc12345')).toBeNull();
  });

  it('never throws on something that is not a URL', () => {
    expect(readReferral('not a url ?ref=abc12345')).toBeNull();
    expect(readReferral('')).toBeNull();
    expect(readReferral('/relative?ref=abc12345')).toBeNull();
  });
});
