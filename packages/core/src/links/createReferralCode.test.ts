import { describe, expect, it } from 'vitest';
import { referralCodeSchema } from '../schemas/primitives.js';
import { createReferralCode } from './createReferralCode.js';

describe('createReferralCode', () => {
  it('makes 8-character codes valid for the schema, without look-alikes', () => {
    for (let i = 0; i < 500; i++) {
      const code = createReferralCode();
      expect(code).toHaveLength(8);
      expect(referralCodeSchema.safeParse(code).success).toBe(true);
      expect(code).not.toMatch(/[0O1Il o]/);
    }
  });

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => createReferralCode()));
    expect(codes.size).toBe(2000);
  });

  it('takes a length from 4 to 32 and refuses others naming the option', () => {
    expect(createReferralCode({ length: 4 })).toHaveLength(4);
    expect(createReferralCode({ length: 32 })).toHaveLength(32);
    for (const length of [3, 33, 7.5, Number.NaN]) {
      expect(() => createReferralCode({ length })).toThrow(RangeError);
      expect(() => createReferralCode({ length })).toThrow(/"length"/);
    }
  });

  it('draws from the given random source and redraws bytes that would bias it', () => {
    // 224 is the first byte past the largest multiple of 56 below 256: it must be skipped.
    const draws = [
      [224, 0, 1, 255, 55],
      [56, 2, 3, 4, 5],
    ];
    let call = 0;
    const code = createReferralCode({
      length: 4,
      random: (bytes) => {
        bytes.fill(230);
        bytes.set(draws[call++] ?? []);
      },
    });
    // 0 → '2', 1 → '3', 55 → 'z', then the second draw: 56 % 56 → '2'.
    expect(code).toBe('23z2');
    expect(call).toBe(2);
  });

  it('spreads symbols evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const symbol of createReferralCode({ length: 28 })) {
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(56);
    // 56,000 symbols over 56: about 1000 each; a biased draw would skew some by far more.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(160);
  });
});
