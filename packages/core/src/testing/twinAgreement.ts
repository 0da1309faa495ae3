import { expect } from 'vitest';
import type * as z from 'zod/mini';
import { type Check, validate } from '../guards/check.js';

// For the tests that keep a lean check equal to its zod schema (test code only: it imports
// vitest).

/** Values no schema of ours takes as a field, beside the strings and numbers of a test. */
export const JUNK = [
  undefined,
  null,
  0,
  1,
  -1,
  1.5,
  Number.NaN,
  Infinity,
  true,
  false,
  [],
  {},
  ['a'],
];

/** Expects `check` to accept exactly the values `schema` accepts. */
export function expectAgreement<T>(schema: z.ZodMiniType<T>, check: Check<T>, values: unknown[]) {
  for (const value of values) {
    const expected = schema.safeParse(value).success;
    expect(validate(check, value).ok, JSON.stringify(value)?.slice(0, 120)).toBe(expected);
  }
}

/** `base` with each field set to each sample, each field removed, and an unknown field added. */
export function variants(base: Record<string, unknown>, samples: unknown[]): unknown[] {
  const out: unknown[] = [base, { ...base, extra: 1 }];
  for (const key of Object.keys(base)) {
    const { [key]: _, ...without } = base;
    out.push(without);
    for (const sample of samples) out.push({ ...base, [key]: sample });
  }
  return out;
}
