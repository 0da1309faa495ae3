import { describe, expect, it } from 'vitest';
import { aggregateRating, aggregateRatingCounts } from './aggregateRating.js';

describe('aggregateRating', () => {
  it('has no average without ratings', () => {
    expect(aggregateRating([])).toEqual({
      average: null,
      count: 0,
      histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
  });

  it('counts every rating, the low ones too', () => {
    // 5 + 5 + 4 + 1 + 1 = 16 stars over 5 ratings: 3.2.
    expect(aggregateRating([5, 1, 4, 5, 1])).toEqual({
      average: 3.2,
      count: 5,
      histogram: { 1: 2, 2: 0, 3: 0, 4: 1, 5: 2 },
    });
  });

  it('rounds to one decimal, halves up', () => {
    // 4 + 4 + 5 = 13 / 3 = 4.333… → 4.3; 5 + 5 + 4 = 14 / 3 = 4.666… → 4.7.
    expect(aggregateRating([4, 4, 5]).average).toBe(4.3);
    expect(aggregateRating([5, 5, 4]).average).toBe(4.7);
    // 17 × 4 + 3 × 5 = 83 over 20 = 4.15 exactly → 4.2.
    expect(aggregateRating([...Array(17).fill(4), ...Array(3).fill(5)]).average).toBe(4.2);
    // 15 × 4 + 5 × 5 = 85 over 20 = 4.25 → 4.3.
    expect(aggregateRating([...Array(15).fill(4), ...Array(5).fill(5)]).average).toBe(4.3);
    expect(aggregateRating([1]).average).toBe(1);
    expect(aggregateRating([5, 5]).average).toBe(5);
  });

  it('throws a TypeError naming the first bad rating and where it is', () => {
    expect(() => aggregateRating([5, 0, 6])).toThrow(TypeError);
    expect(() => aggregateRating([5, 0, 6])).toThrow(/not 0 \(ratings\[1\]\)/);
    expect(() => aggregateRating([4.5])).toThrow(/not 4\.5/);
    expect(() => aggregateRating([Number.NaN])).toThrow(/not NaN/);
    expect(() => aggregateRating(['5' as unknown as number])).toThrow(/not 5 \(ratings\[0\]\)/);
  });
});

describe('aggregateRatingCounts', () => {
  it('equals aggregateRating of the same ratings', () => {
    expect(aggregateRatingCounts({ 1: 2, 2: 0, 3: 0, 4: 1, 5: 2 })).toEqual(
      aggregateRating([5, 1, 4, 5, 1]),
    );
    // 1203 ratings: 12 + 2 × 20 + 3 × 40 + 4 × 131 + 5 × 1000 = 5696 / 1203 = 4.734… → 4.7.
    expect(aggregateRatingCounts({ 1: 12, 2: 20, 3: 40, 4: 131, 5: 1000 })).toMatchObject({
      average: 4.7,
      count: 1203,
    });
  });

  it('throws a RangeError naming a bad count', () => {
    expect(() => aggregateRatingCounts({ 1: 0, 2: -1, 3: 0, 4: 0, 5: 0 })).toThrow(
      /"2" must be a whole number ≥ 0, not -1/,
    );
    expect(() => aggregateRatingCounts({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0.5 })).toThrow(RangeError);
  });
});
