import { describe, expect, it } from 'vitest';
import { describeReward } from './describeReward.js';

describe('describeReward', () => {
  it('says a percentage discount in plain words', () => {
    expect(describeReward({ kind: 'percent', percent: 10 })).toBe('10% off');
  });

  it('formats money for the locale', () => {
    expect(describeReward({ kind: 'amount', amount: 5, currency: 'EUR' }, 'en-GB')).toBe(
      '€5.00 off',
    );
    expect(describeReward({ kind: 'credit', amount: 5, currency: 'EUR' }, 'en-GB')).toBe(
      '€5.00 store credit',
    );
    expect(describeReward({ kind: 'amount', amount: 12.5, currency: 'USD' })).toBe('$12.50 off');
    expect(describeReward({ kind: 'amount', amount: 500, currency: 'JPY' }, 'en')).toBe('¥500 off');
    expect(describeReward({ kind: 'amount', amount: 5, currency: 'EUR' }, 'de-DE')).toBe(
      '5,00\u00a0€ off',
    );
  });

  it('falls back to English for a malformed locale', () => {
    expect(describeReward({ kind: 'credit', amount: 5, currency: 'USD' }, 'not a locale!')).toBe(
      '$5.00 store credit',
    );
  });
});
