import { describe, expect, it } from 'vitest';
import { npsCategory } from './npsCategory.js';

describe('npsCategory', () => {
  it('splits 0–6, 7–8 and 9–10', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('throws a RangeError naming anything but an integer from 0 to 10', () => {
    for (const bad of [-1, 11, 6.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => npsCategory(bad)).toThrow(RangeError);
      expect(() => npsCategory(bad)).toThrow(String(bad));
    }
    expect(() => npsCategory('9' as unknown as number)).toThrow(/not 9/);
  });
});
