import { describe, expect, it } from 'vitest';
import { createConsentStorage } from './createConsentStorage.js';
import { createOutbox } from './createOutbox.js';
import { createMemoryPlatform } from './testing/createMemoryPlatform.js';

const KEY = 'vouch:pk_test_0123456789abcdef:outbox';
const event = (id: string) => ({
  id,
  at: '2026-01-01T00:00:00.000Z',
  type: 'page' as const,
  url: 'https://shop.example/',
});

function setup(data = new Map<string, string>()) {
  const platform = createMemoryPlatform({ storage: data });
  const storage = createConsentStorage({
    storage: platform.storage,
    namespace: 'vouch:pk_test_0123456789abcdef:',
  });
  return { data, outbox: createOutbox(storage, { max: 3 }) };
}

describe('createOutbox', () => {
  it('keeps events in order, once per id, and removes acknowledged ids', () => {
    const { outbox } = setup();
    outbox.add(event('e0000001'));
    outbox.add(event('e0000002'));
    outbox.add(event('e0000001'));
    expect(outbox.read().map((e) => e.id)).toEqual(['e0000002', 'e0000001']);
    outbox.remove(new Set(['e0000002']));
    expect(outbox.read().map((e) => e.id)).toEqual(['e0000001']);
  });

  it('drops a stored event that fails validation and keeps the valid ones', () => {
    const data = new Map([
      [
        KEY,
        JSON.stringify([
          event('e0000001'),
          { ...event('e0000002'), url: 'javascript:x' },
          'junk',
          event('e0000003'),
        ]),
      ],
    ]);
    const { outbox } = setup(data);
    expect(outbox.read().map((e) => e.id)).toEqual(['e0000001', 'e0000003']);
    expect(JSON.parse(data.get(KEY) ?? '[]')).toHaveLength(2);
  });

  it('discards an outbox that is not a list at all', () => {
    const data = new Map([[KEY, '{"not":"a list"}']]);
    const { outbox } = setup(data);
    expect(outbox.size()).toBe(0);
    expect(data.has(KEY)).toBe(false);
  });

  it('drops the oldest beyond its cap and says how many', () => {
    const dropped: number[] = [];
    const platform = createMemoryPlatform();
    const storage = createConsentStorage({ storage: platform.storage, namespace: 'vouch:x:' });
    const outbox = createOutbox(storage, { max: 2, onDrop: (count) => dropped.push(count) });
    for (const id of ['e0000001', 'e0000002', 'e0000003']) outbox.add(event(id));
    expect(outbox.read().map((e) => e.id)).toEqual(['e0000002', 'e0000003']);
    expect(dropped).toEqual([1]);
  });
});
