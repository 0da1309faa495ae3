import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomId } from './randomId.js';

describe('randomId', () => {
  it('makes 21 URL-safe characters from the bytes it is given', () => {
    const id = randomId((bytes) => webcrypto.getRandomValues(bytes));
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('uses every byte: different bytes give different ids', () => {
    const zeros = randomId((bytes) => bytes.fill(0));
    const ones = randomId((bytes) => bytes.fill(1));
    expect(zeros).toBe('u'.repeat(21));
    expect(ones).not.toBe(zeros);
  });

  it('does not repeat across many draws', () => {
    const ids = new Set(
      Array.from({ length: 10_000 }, () => randomId((bytes) => webcrypto.getRandomValues(bytes))),
    );
    expect(ids.size).toBe(10_000);
  });
});
