import { describe, expect, it } from 'vitest';
import { createConsentStorage } from './createConsentStorage.js';
import { num } from './guards/check.js';
import type { PlatformStorage } from './platform.js';
import { createMemoryPlatform } from './testing/createMemoryPlatform.js';

const NS = 'vouch:pk_test:';
const numberCheck = num(-1e9, 1e9, false, 'expected number');

function setup(consentRequired: boolean, data = new Map<string, string>()) {
  const platform = createMemoryPlatform({ storage: data });
  const storage = createConsentStorage({
    storage: platform.storage,
    namespace: NS,
    consentRequired,
  });
  return { data, storage };
}

describe('createConsentStorage', () => {
  it('persists at once when the site does not require consent', () => {
    const { data, storage } = setup(false);
    storage.set('n', 1);
    expect(data.get(`${NS}n`)).toBe('1');
    expect(storage.get('n', numberCheck)).toBe(1);
    expect(storage.consent()).toBe('unset');
    expect(storage.persistent()).toBe(true);
  });

  it('writes nothing persistent before grant when consent is required', () => {
    const { data, storage } = setup(true);
    storage.set('n', 1);
    storage.set('o', { a: 'b' });
    expect(data.size).toBe(0);
    expect(storage.get('n', numberCheck)).toBe(1);
    expect(storage.persistent()).toBe(false);
  });

  it('moves what it kept in memory to storage on grant, and remembers the grant', () => {
    const { data, storage } = setup(true);
    storage.set('n', 1);
    storage.grant();
    expect(data.get(`${NS}n`)).toBe('1');
    expect(data.get(`${NS}consent`)).toBe('"granted"');
    expect(storage.consent()).toBe('granted');

    const reloaded = setup(true, data).storage;
    expect(reloaded.consent()).toBe('granted');
    expect(reloaded.get('n', numberCheck)).toBe(1);
  });

  it('wipes every key of its namespace on revoke and keeps working from memory', () => {
    const { data, storage } = setup(true);
    data.set('other-app', 'x');
    data.set('vouch:pk_other:n', '5');
    storage.grant();
    storage.set('n', 1);
    // Written by an earlier page, not by this instance: still ours, still wiped.
    data.set(`${NS}old`, '2');
    storage.revoke();
    expect([...data.keys()].sort()).toEqual(['other-app', 'vouch:pk_other:n']);
    expect(storage.consent()).toBe('denied');
    expect(storage.get('n', numberCheck)).toBe(1);
    storage.set('m', 3);
    expect(data.has(`${NS}m`)).toBe(false);
    expect(setup(true, data).storage.consent()).toBe('unset');
  });

  it('stops persisting after revoke even when consent is not required', () => {
    const { data, storage } = setup(false);
    storage.set('n', 1);
    storage.revoke();
    storage.set('n', 2);
    expect(data.size).toBe(0);
    expect(storage.get('n', numberCheck)).toBe(2);
  });

  it('does not read values it may not have written while consent is pending', () => {
    const data = new Map([[`${NS}n`, '7']]);
    const { storage } = setup(true, data);
    expect(storage.get('n', numberCheck)).toBeNull();
    expect(data.get(`${NS}n`)).toBe('7');
  });

  it('discards a stored value that fails validation or is not JSON', () => {
    const data = new Map([
      [`${NS}n`, '"not a number"'],
      [`${NS}broken`, '{oops'],
    ]);
    const { storage } = setup(false, data);
    expect(storage.get('n', numberCheck)).toBeNull();
    expect(storage.get('broken', numberCheck)).toBeNull();
    expect(data.size).toBe(0);
  });

  it('falls back to memory for good when storage throws, and says so once', () => {
    let fallbacks = 0;
    const throwing: PlatformStorage = {
      get: () => null,
      set: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      remove: () => {},
      keys: () => [],
    };
    const storage = createConsentStorage({
      storage: throwing,
      namespace: NS,
      onFallback: () => fallbacks++,
    });
    storage.set('n', 1);
    storage.set('m', 2);
    expect(storage.get('n', numberCheck)).toBe(1);
    expect(storage.get('m', numberCheck)).toBe(2);
    expect(storage.persistent()).toBe(false);
    expect(fallbacks).toBe(1);
  });

  it('survives storage whose every call throws', () => {
    const hostile: PlatformStorage = {
      get: () => {
        throw new Error('SecurityError');
      },
      set: () => {
        throw new Error('SecurityError');
      },
      remove: () => {
        throw new Error('SecurityError');
      },
      keys: () => {
        throw new Error('SecurityError');
      },
    };
    const storage = createConsentStorage({
      storage: hostile,
      namespace: NS,
      consentRequired: true,
    });
    storage.set('n', 1);
    storage.grant();
    storage.revoke();
    expect(storage.get('n', numberCheck)).toBe(1);
  });

  it('stays in memory without storage at all', () => {
    const storage = createConsentStorage({ storage: null, namespace: NS });
    storage.set('n', 1);
    storage.grant();
    expect(storage.get('n', numberCheck)).toBe(1);
    expect(storage.consent()).toBe('granted');
    expect(storage.persistent()).toBe(false);
  });
});
