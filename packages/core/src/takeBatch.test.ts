import { describe, expect, it } from 'vitest';
import type { VouchEvent } from './schemas/events.js';
import { takeBatch, utf8Length } from './takeBatch.js';

const event = (id: string, path = ''): VouchEvent => ({
  id,
  at: '2026-01-01T00:00:00.000Z',
  type: 'page',
  url: `https://shop.example/${path}`,
});

describe('utf8Length', () => {
  it('counts bytes as UTF-8 does', () => {
    for (const text of ['abc', 'é', '€', '😀', 'a€😀é', '']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text));
    }
  });
});

describe('takeBatch', () => {
  const events = ['e0000001', 'e0000002', 'e0000003', 'e0000004'].map((id) => event(id));

  it('takes the oldest events up to the count limit, skipping those in flight', () => {
    const batch = takeBatch(events, { skip: new Set(['e0000001']), maxEvents: 2, maxBytes: 1e6 });
    expect(batch.map((e) => e.id)).toEqual(['e0000002', 'e0000003']);
  });

  it('stops before the byte limit but always takes one event', () => {
    const big = [event('e0000001', 'x'.repeat(500)), event('e0000002', 'y'.repeat(500))];
    expect(takeBatch(big, { skip: new Set(), maxEvents: 10, maxBytes: 700 })).toHaveLength(1);
    expect(takeBatch(big, { skip: new Set(), maxEvents: 10, maxBytes: 10 })).toHaveLength(1);
    expect(takeBatch(big, { skip: new Set(), maxEvents: 10, maxBytes: 2000 })).toHaveLength(2);
  });
});
