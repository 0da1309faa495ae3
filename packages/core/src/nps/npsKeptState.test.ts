import { describe, expect, it } from 'vitest';
import { validate } from '../guards/check.js';
import { NPS_FRESH_STATE, npsKeptStateCheck, withNpsPageView } from './npsKeptState.js';

describe('npsKeptState', () => {
  it('counts a page view once, by the time it began', () => {
    const once = withNpsPageView(NPS_FRESH_STATE, 1000);
    expect(withNpsPageView(once, 1000)).toBe(once);
    expect(withNpsPageView(once, 2000)).toEqual({ pageViews: 2, pageAt: 2000 });
  });

  it('accepts what it writes and refuses a tampered value', () => {
    expect(validate(npsKeptStateCheck, { pageViews: 3, answeredAt: 5 }).ok).toBe(true);
    expect(validate(npsKeptStateCheck, { pageViews: -1 }).ok).toBe(false);
    expect(validate(npsKeptStateCheck, { pageViews: 1, shownAt: '2026' }).ok).toBe(false);
    expect(validate(npsKeptStateCheck, null).ok).toBe(false);
  });
});
