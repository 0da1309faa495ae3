import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { NPS_RULE_DEFAULTS, type NpsRulesInput, npsRules } from '../nps/npsRules.js';
import { npsRulesSchema } from './npsRules.js';

/** The fields `npsRules()` names in its TypeError, or null when it takes the input. */
function refusedByRules(input: unknown): string[] | null {
  try {
    npsRules(input as NpsRulesInput);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return [...(error as Error).message.matchAll(/"(\w+)" must/g)].map((m) => m[1] ?? '').sort();
  }
}

/** The fields the schema names, or null when it takes the input. */
function refusedBySchema(input: unknown): string[] | null {
  const result = npsRulesSchema.safeParse(input);
  if (result.success) return null;
  return [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].sort();
}

const patterns = (count: number, length = 1) =>
  Array.from({ length: count }, () => 'a'.repeat(length));

/** Each field with values on and beyond the edges of its rule. */
const VALUES: Record<keyof NpsRulesInput, unknown[]> = {
  trigger: ['auto', 'manual', 'Auto', 'sometimes', '', 1, null, true],
  delayMs: [0, -0, 1.5, 10_000, 3_600_000, 3_600_001, -1, Number.NaN, Infinity, '10', null],
  minPageViews: [0, 1, 2, 1000, 1001, 2.5, -1, Number.NaN, '2', null],
  afterConversionDays: [null, 0, 0.5, 7, 3650, 3651, -1, Infinity, '7', false],
  include: [
    [],
    ['/checkout*'],
    patterns(50),
    patterns(51),
    [''],
    patterns(1, 500),
    patterns(1, 501),
    [1],
    '/a',
    null,
  ],
  exclude: [[], ['https://shop.example/*'], patterns(50), patterns(51), [''], [null], {}, null],
  sampleRate: [0, 0.25, 1, 1.01, -0.01, Number.NaN, '1', null],
  resurveyDays: [0, 90, 3650, 3651, -1, 1.5, Infinity, null],
  dismissedDays: [0, 30, 3650, 3651, -1, 0.5, '30', null],
  survey: ['nps', 'a', 'a'.repeat(100), 'a'.repeat(101), '', 7, null],
};

const TABLE: unknown[] = [
  {},
  NPS_RULE_DEFAULTS,
  { delayMs: undefined, survey: undefined },
  { trigger: 'manual', sampleRate: 0.1, include: ['/thanks*'], afterConversionDays: 14 },
  { trigger: 'never', delayMs: -1, minPageViews: 0.5, include: [''], survey: '' },
  { sampleRate: 2, resurveyDays: 4000, dismissedDays: -5, exclude: [7] },
  ...Object.entries(VALUES).flatMap(([field, values]) =>
    values.map((value) => ({ [field]: value })),
  ),
];

describe('npsRulesSchema', () => {
  it('takes and refuses what npsRules() does, naming the same fields', () => {
    const refused = TABLE.filter((input) => refusedByRules(input));
    expect(refused.length).toBeGreaterThan(40);
    expect(TABLE.length - refused.length).toBeGreaterThan(30);
    for (const input of TABLE) {
      const label = JSON.stringify(input, (_, value) =>
        typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
      ).slice(0, 120);
      expect(refusedBySchema(input), label).toEqual(refusedByRules(input));
    }
  });

  it('takes every default, and the defaults are what npsRules() fills in', () => {
    expect(npsRulesSchema.parse(NPS_RULE_DEFAULTS)).toEqual(NPS_RULE_DEFAULTS);
    expect(npsRules(npsRulesSchema.parse({}))).toEqual(NPS_RULE_DEFAULTS);
  });

  it('refuses unknown fields by name, which npsRules() would pass over', () => {
    const result = npsRulesSchema.safeParse({ delay: 5000, sampleRate: 0.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['delay'] }]);
  });

  it('says what is wrong, as npsRules() does', () => {
    const result = npsRulesSchema.safeParse({ delayMs: 'soon', include: ['', 'ok'] });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['delayMs', 'must be 0–3600000 ms'],
      ['include.0', 'must be 1–500 characters'],
    ]);
  });

  it('parses to rules that npsRules() takes as they are', () => {
    expectTypeOf<z.output<typeof npsRulesSchema>>().toExtend<NpsRulesInput>();
  });
});
