import { describe, expect, it } from 'vitest';
import { samplingBucket } from './samplingBucket.js';

describe('samplingBucket', () => {
  it('is the same for the same site, survey and visitor, and in [0, 1)', () => {
    const bucket = samplingBucket('pk_a', 'nps', 'v1');
    expect(samplingBucket('pk_a', 'nps', 'v1')).toBe(bucket);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(1);
    expect(samplingBucket('pk_a', 'nps-2027', 'v1')).not.toBe(bucket);
    expect(samplingBucket('pk_b', 'nps', 'v1')).not.toBe(bucket);
  });

  it('spreads visitors evenly, including ids that differ in their last character', () => {
    const deciles = Array(10).fill(0);
    for (let index = 0; index < 10_000; index++) {
      deciles[Math.floor(samplingBucket('pk_a', 'nps', `visitor-${index}`) * 10)]++;
    }
    // 1000 expected per decile; a fair draw stays well within ± 150.
    for (const count of deciles) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
