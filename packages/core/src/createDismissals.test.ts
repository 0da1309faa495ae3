import { describe, expect, it } from 'vitest';
import { createConsentStorage } from './createConsentStorage.js';
import { createDismissals } from './createDismissals.js';
import { createMemoryPlatform } from './testing/createMemoryPlatform.js';

const NS = 'vouch:pk_dismissalstest_0001:';

function setup(consentRequired: boolean, data = new Map<string, string>()) {
  const platform = createMemoryPlatform({ storage: data, now: 1_000 });
  const storage = createConsentStorage({
    storage: platform.storage,
    namespace: NS,
    consentRequired,
  });
  return { data, storage, platform, dismissals: createDismissals(storage, platform.now) };
}

describe('createDismissals', () => {
  it('remembers a dismissal across pages when storage is allowed', () => {
    const { data, dismissals } = setup(false);
    expect(dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(false);
    dismissals.dismiss('referral-banner:ADA7KQ2M');
    expect(dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(true);
    expect(dismissals.dismissed('referral-banner:BEN4PQ7R')).toBe(false);
    // A new page over the same storage still knows.
    expect(setup(false, data).dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(true);
  });

  it('keeps a dismissal in memory only until consent where the site requires it', () => {
    const { data, storage, dismissals } = setup(true);
    dismissals.dismiss('referral-banner:ADA7KQ2M');
    expect(dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(true);
    expect([...data.keys()]).toEqual([]);
    expect(setup(true, data).dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(false);

    storage.grant();
    expect(setup(true, data).dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(true);
    storage.revoke();
    expect(setup(true, data).dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(false);
  });

  it('forgets the oldest past 50, and refuses a key that is not 1–200 characters', () => {
    const data = new Map<string, string>();
    let now = 0;
    const platform = createMemoryPlatform({ storage: data });
    const storage = createConsentStorage({ storage: platform.storage, namespace: NS });
    const dismissals = createDismissals(storage, () => now);
    for (let index = 0; index < 51; index++) {
      now = index;
      dismissals.dismiss(`banner-${index}`);
    }
    expect(dismissals.dismissed('banner-0')).toBe(false);
    expect(dismissals.dismissed('banner-1')).toBe(true);
    expect(dismissals.dismissed('banner-50')).toBe(true);
    expect(Object.keys(JSON.parse(data.get(`${NS}dismissed`) ?? '{}'))).toHaveLength(50);

    expect(() => dismissals.dismiss('')).toThrow(/"key" must be a string of 1–200 characters/);
    expect(() => dismissals.dismiss('x'.repeat(201))).toThrow(TypeError);
  });

  it('drops a stored value of the wrong shape instead of trusting it', () => {
    const data = new Map([[`${NS}dismissed`, '{"referral-banner:ADA7KQ2M":"yesterday"}']]);
    const { dismissals } = setup(false, data);
    expect(dismissals.dismissed('referral-banner:ADA7KQ2M')).toBe(false);
    expect(data.has(`${NS}dismissed`)).toBe(false);
  });
});
