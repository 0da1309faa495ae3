import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from './retryDelay.js';

describe('retryDelay', () => {
  it('doubles the ceiling per attempt and draws below it (full jitter)', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, top))).toEqual([
      999, 1999, 3999, 7999,
    ]);
    expect(retryDelay(3, () => 0)).toBe(0);
    expect(retryDelay(3, () => 0.5)).toBe(4000);
  });

  it('never exceeds the cap, even after very many attempts', () => {
    expect(retryDelay(50, () => 0.999_999)).toBe(299_999);
    expect(retryDelay(10_000, () => 0.999_999, { baseMs: 10, maxMs: 60_000 })).toBe(59_999);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12);

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined when missing or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
