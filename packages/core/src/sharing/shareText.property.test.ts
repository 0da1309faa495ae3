import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARE_DISCLOSURE, SHARE_TEXT_LIMIT, shareText } from './shareText.js';
import { shareTextLength } from './shareTextLength.js';

// Templates made of words, placeholders (known, unknown, spaced, in any case), stray
// braces, brackets, line breaks and wide characters.
const piece = fc.oneof(
  fc.constantFrom('{name}', '{shop}', '{offer}', '{reward}', '{disclosure}', '{ Shop }'),
  fc.constantFrom('{code}', '{', '}', '{{', '}}', '{}', '(', ')', '()', ' ', '  ', '\n', '\t'),
  fc.constantFrom('Try', 'soap', '!', ',', '.', ':', '🧼', '石鹸', 'é', '👩‍👩‍👧‍👦', '%'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const template = fc.oneof(
  fc.constant(undefined),
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
);
// Shop data: names and plain words, never braces (a value is shown as it is).
const value = fc.option(fc.stringMatching(/^[\w &'.%€$-]{0,30}$/), { nil: undefined });
const values = fc.record({ name: value, shop: value, offer: value, reward: value });
const noise = /undefined|null/i;

/** The default disclosure as shareText fills it. */
const disclosureFor = (reward: string | undefined) =>
  DEFAULT_SHARE_DISCLOSURE.replace(
    '{reward}',
    () => reward?.replace(/\s+/g, ' ').trim() || 'a reward',
  );

describe('shareText (properties)', () => {
  it('always discloses a reward, leaves nothing unfilled and fits a post', () => {
    fc.assert(
      fc.property(
        template,
        values,
        fc.boolean(),
        fc.option(fc.integer({ min: 60, max: 600 }), { nil: undefined }),
        (words, given, rewarded, limit) => {
          fc.pre(!noise.test(`${words}${Object.values(given).join('')}`));
          // Values such as "()" would read oddly in the default; shop data is not like that.
          fc.pre(!/[()]/.test(given.reward ?? ''));
          const text = shareText(words, given, { rewarded, ...(limit && { limit }) });
          expect(text).not.toMatch(/[{}]/);
          expect(text).not.toMatch(noise);
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(/[^\S\n]{2}/);
          expect(shareTextLength(text)).toBeLessThanOrEqual(limit ?? SHARE_TEXT_LIMIT);
          const disclosure = disclosureFor(given.reward);
          const times = text.split(disclosure).length - 1;
          if (rewarded) expect(times).toBe(1);
          else expect(text).not.toContain('Disclosure:');
        },
      ),
      { numRuns: 500 },
    );
  });
});
