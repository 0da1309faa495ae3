import { describe, expect, it } from 'vitest';
import { graphemes, shareTextLength } from './shareTextLength.js';

describe('shareTextLength', () => {
  it('counts Latin, accents and punctuation as 1', () => {
    expect(shareTextLength('Lather & Leaf — 10% off!')).toBe(24);
    expect(shareTextLength('cafe\u0301')).toBe(4);
    expect(shareTextLength('Привет, שלום')).toBe(12);
  });

  it('counts CJK and emoji as 2, an emoji sequence once', () => {
    expect(shareTextLength('石鹸')).toBe(4);
    expect(shareTextLength('🧼')).toBe(2);
    expect(shareTextLength('👩‍👩‍👧‍👦')).toBe(2);
    expect(shareTextLength('🇫🇷')).toBe(2);
    expect(shareTextLength('👍🏽')).toBe(2);
  });

  it('splits text into what a reader sees as characters', () => {
    expect([...graphemes('a🇫🇷e\u0301👩‍👩‍👧‍👦1\uFE0F\u20E3👍🏽🇫')]).toEqual([
      'a',
      '🇫🇷',
      'e\u0301',
      '👩‍👩‍👧‍👦',
      '1\uFE0F\u20E3',
      '👍🏽',
      '🇫',
    ]);
  });
});
