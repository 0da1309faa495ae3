import { describe, expect, it } from 'vitest';
import { npsMarginOfError, summarizeNps, summarizeNpsCounts } from './summarizeNps.js';

// Margins by hand, adjusted Wald: n' = n + 3, p' = (promoters + ¾) / n',
// d' = (detractors + ¾) / n', margin = 1.96 · √((p' + d' − (p' − d')²) / n') · 100.

describe('summarizeNps', () => {
  it('has no score and no margin without answers', () => {
    expect(summarizeNps([])).toEqual({
      nps: null,
      total: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      marginOfError: null,
    });
  });

  it('gives a unanimous tiny sample 100 with the wide margin it has, not ± 0', () => {
    // n' = 6, p' = 3.75/6 = 0.625, d' = 0.75/6 = 0.125; variance 0.75 − 0.25 = 0.5;
    // 1.96 · √(0.5/6) · 100 = 56.58.
    const summary = summarizeNps([9, 10, 10]);
    expect(summary).toMatchObject({ nps: 100, total: 3, promoters: 3, passives: 0, detractors: 0 });
    expect(summary.marginOfError).toBeCloseTo(56.58, 2);
  });

  it('narrows the margin of a unanimous sample as it grows', () => {
    // 200 promoters: n' = 203, p' = 200.75/203, d' = 0.75/203 → 2.04 points.
    const summary = summarizeNps(Array(200).fill(10));
    expect(summary.nps).toBe(100);
    expect(summary.marginOfError).toBeCloseTo(2.04, 2);
  });

  it('shows how little one detractor says', () => {
    // n' = 4, p' = 0.1875, d' = 0.4375; variance 0.625 − 0.0625 = 0.5625;
    // 1.96 · √(0.5625/4) · 100 = 1.96 · 0.375 · 100 = 73.5.
    const summary = summarizeNps([0]);
    expect(summary.nps).toBe(-100);
    expect(summary.marginOfError).toBeCloseTo(73.5, 10);
  });

  it('scores a small mixed sample with a wide margin', () => {
    // 10, 9 promoters; 8 passive; 3 detractor: (2 − 1)/4 = 25.
    // n' = 7, p' = 2.75/7, d' = 1.75/7: p' + d' = 4.5/7, (p' − d')² = 1/49;
    // variance 0.622449; 1.96 · √(0.622449/7) · 100 = 58.45.
    const summary = summarizeNps([10, 9, 8, 3]);
    expect(summary).toMatchObject({ nps: 25, total: 4, promoters: 2, passives: 1, detractors: 1 });
    expect(summary.marginOfError).toBeCloseTo(58.45, 2);
  });

  it('agrees with the plain margin to a fraction of a point for a hundred answers', () => {
    // 50 promoters, 30 passives, 20 detractors: NPS 30.
    // Plain: 1.96 · √((0.7 − 0.09)/100) · 100 = 15.31.
    // Adjusted: n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456;
    // variance 0.694175 − 0.291262² = 0.609341; 1.96 · √(0.609341/103) · 100 = 15.08.
    const scores = [...Array(50).fill(9), ...Array(30).fill(7), ...Array(20).fill(6)];
    const summary = summarizeNps(scores);
    expect(summary).toMatchObject({ nps: 30, total: 100, promoters: 50, detractors: 20 });
    expect(summary.marginOfError).toBeCloseTo(15.08, 2);
    expect(Math.abs((summary.marginOfError ?? 0) - 15.31)).toBeLessThan(0.5);
  });

  it('reports dismissals beside the score, never in it', () => {
    const answered = summarizeNps([10, 10, 0]);
    const withDismissals = summarizeNps([10, 10, 0], { dismissals: 40 });
    expect(withDismissals).toEqual({ ...answered, dismissals: 40 });
    expect(withDismissals.nps).toBeCloseTo(100 / 3, 10);
    expect('dismissals' in answered).toBe(false);
  });

  it('throws a RangeError naming the first invalid score', () => {
    expect(() => summarizeNps([10, 3, 12, -1])).toThrow(/not 12/);
    expect(() => summarizeNps([10, 7.5])).toThrow(RangeError);
  });
});

describe('summarizeNpsCounts', () => {
  it('equals summarizeNps of the same answers', () => {
    expect(summarizeNpsCounts({ promoters: 2, passives: 1, detractors: 1 })).toEqual(
      summarizeNps([10, 9, 8, 3]),
    );
  });

  it('throws a RangeError naming a count that is not a whole number ≥ 0', () => {
    expect(() => summarizeNpsCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(
      /"promoters".*-1/,
    );
    expect(() =>
      summarizeNpsCounts({ promoters: 1, passives: 0, detractors: 0 }, { dismissals: 0.5 }),
    ).toThrow(/"dismissals"/);
  });
});

describe('npsMarginOfError', () => {
  it('is null without answers', () => {
    expect(npsMarginOfError({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});
