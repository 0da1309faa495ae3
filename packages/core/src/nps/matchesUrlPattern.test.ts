import { describe, expect, it } from 'vitest';
import { matchesUrlPattern } from './matchesUrlPattern.js';

describe('matchesUrlPattern', () => {
  it('compares a pattern starting with / with the path and query, whole', () => {
    expect(matchesUrlPattern('/thank-you', 'https://shop.example/thank-you#top')).toBe(true);
    expect(matchesUrlPattern('/thank-you', 'https://shop.example/thank-you/2')).toBe(false);
    expect(matchesUrlPattern('/products/*', 'https://shop.example/products/sku-1')).toBe(true);
    expect(matchesUrlPattern('/products/*', 'https://shop.example/products')).toBe(false);
    expect(matchesUrlPattern('/search?q=*', 'https://shop.example/search?q=tea')).toBe(true);
  });

  it('compares any other pattern with the whole URL, and takes only * as special', () => {
    expect(matchesUrlPattern('https://*.example/*', 'https://shop.example/a')).toBe(true);
    expect(matchesUrlPattern('https://shop.example/a.b', 'https://shop.example/aXb')).toBe(false);
    expect(matchesUrlPattern('*checkout*', 'https://shop.example/checkout/pay')).toBe(true);
  });

  it('matches nothing for a URL that does not parse', () => {
    expect(matchesUrlPattern('*', 'not a url')).toBe(false);
  });
});
