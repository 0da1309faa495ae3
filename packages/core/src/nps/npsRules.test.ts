import { describe, expect, it } from 'vitest';
import { NPS_RULE_DEFAULTS, npsRules } from './npsRules.js';

describe('npsRules', () => {
  it('fills in the defaults: 90 days after an answer, 30 after a dismissal, everyone', () => {
    expect(npsRules()).toEqual(NPS_RULE_DEFAULTS);
    expect(npsRules()).toMatchObject({ resurveyDays: 90, dismissedDays: 30, sampleRate: 1 });
    expect(npsRules({ delayMs: 0, resurveyDays: undefined })).toEqual({
      ...NPS_RULE_DEFAULTS,
      delayMs: 0,
    });
  });

  it('throws a TypeError naming every bad field and its value', () => {
    const bad = () =>
      npsRules({ sampleRate: 1.5, dismissedDays: -1, include: [''], survey: '' } as never);
    expect(bad).toThrow(TypeError);
    expect(bad).toThrow(/"sampleRate" must be from 0 to 1, not 1.5/);
    expect(bad).toThrow(/"dismissedDays"/);
    expect(bad).toThrow(/"include"/);
    expect(bad).toThrow(/"survey"/);
    expect(() => npsRules({ trigger: 'sometimes' } as never)).toThrow(/"trigger".*"sometimes"/);
    expect(() => npsRules({ minPageViews: 2.5 })).toThrow(/"minPageViews"/);
  });
});
