import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReferral } from '../readReferral.js';
import { readShareChannel, SHARE_LINK_CHANNELS, shareLink } from './shareLink.js';

// A page URL with any parameters, among them old `ref` and `utm_*` ones in any case.
const name = fc.oneof(
  fc.constantFrom('ref', 'REF', 'Ref', 'utm_source', 'UTM_MEDIUM', 'utm_content', 'utm_term'),
  fc.constantFrom('q', 'a', 'variant', 'refx', 'prefix_ref', 'x y', 'é'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const param = fc.tuple(name, fc.string({ unit: 'binary', maxLength: 12 }));
const pageUrl = fc
  .record({
    base: fc.webUrl({ validSchemes: ['http', 'https'] }),
    params: fc.array(param, { maxLength: 6 }),
    hash: fc.option(fc.string({ unit: 'grapheme', maxLength: 12 })),
  })
  .map(({ base, params, hash }) => {
    const url = new URL(base);
    url.search = new URLSearchParams(params).toString();
    if (hash !== null) url.hash = hash;
    return url.href;
  })
  .filter((url) => url.length <= 1800);
const code = fc.stringMatching(/^[A-Za-z0-9]{4,32}$/);
const campaign = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 30 })
  .filter((c) => c.trim() !== '');

/** The parameters a share link must keep: all but `ref` and `utm_*`, in any case. */
const others = (url: string) =>
  [...new URL(url).searchParams].filter(([key]) => {
    const lower = key.toLowerCase();
    return lower !== 'ref' && !lower.startsWith('utm_');
  });

describe('shareLink (properties)', () => {
  it('round-trips the code and the channel, keeping every other parameter and the fragment', () => {
    fc.assert(
      fc.property(
        pageUrl,
        fc.option(code),
        fc.constantFrom(...SHARE_LINK_CHANNELS),
        fc.option(campaign),
        (url, sharer, channel, name) => {
          const link = shareLink(url, {
            channel,
            ...(sharer !== null && { code: sharer }),
            ...(name !== null && { campaign: name }),
          });
          const read = new URL(link);
          const page = new URL(url);
          expect(readReferral(link)).toBe(sharer);
          expect(readShareChannel(link)).toBe(channel);
          expect(read.searchParams.get('utm_campaign')).toBe(name ?? 'vouch');
          expect(read.searchParams.getAll('utm_source')).toEqual([channel]);
          expect(read.searchParams.getAll('ref')).toEqual(sharer === null ? [] : [sharer]);
          expect(others(link)).toEqual(others(url));
          expect([read.origin, read.pathname, read.hash]).toEqual([
            page.origin,
            page.pathname,
            page.hash,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
