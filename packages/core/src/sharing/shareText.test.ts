import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARE_DISCLOSURE,
  DEFAULT_SHARE_TEXT,
  DEFAULT_SHARE_TEXT_WITH_OFFER,
  SHARE_TEXT_LIMIT,
  shareText,
} from './shareText.js';
import { shareTextLength } from './shareTextLength.js';

const values = { name: 'Ada', shop: 'Lather & Leaf', offer: '10% off', reward: '5% off' };

describe('shareText', () => {
  it('fills the placeholders of the merchant’s template', () => {
    expect(shareText('{name} loves {shop}: {offer} for you!', values, { rewarded: false })).toBe(
      'Ada loves Lather & Leaf: 10% off for you!',
    );
    expect(shareText('{ NAME } says hi', values, { rewarded: false })).toBe('Ada says hi');
  });

  it('leaves out unknown and empty placeholders with their space, and stray braces', () => {
    expect(
      shareText('Hi {name}, look at {shop}{what}!', { shop: 'Leaf' }, { rewarded: false }),
    ).toBe('Hi, look at Leaf!');
    expect(shareText('{name} {name} recommends {shop} ({offer})', {}, { rewarded: false })).toBe(
      'recommends',
    );
    expect(shareText('Use {code} {or} {{shop}} }{', values, { rewarded: false })).toBe(
      'Use Lather & Leaf',
    );
    expect(shareText('{name} says', { name: undefined }, { rewarded: false })).toBe('says');
  });

  it('tidies whitespace, keeping line breaks', () => {
    expect(shareText('  Hello   {name}\t!\n\n\n\nSee  {shop} ', values, { rewarded: false })).toBe(
      'Hello Ada !\n\nSee Lather & Leaf',
    );
    expect(shareText('{name}', { name: '  Ada\n Lovelace ' }, { rewarded: false })).toBe(
      'Ada Lovelace',
    );
  });

  it('uses a default template with or without an offer', () => {
    expect(shareText(undefined, values, { rewarded: false })).toBe(
      "I'm a fan of Lather & Leaf. With my link, you get 10% off on your first order.",
    );
    expect(shareText('  ', { shop: 'Lather & Leaf' }, { rewarded: false })).toBe(
      "I'm a fan of Lather & Leaf and think you'd like it too.",
    );
    expect(shareText(null, {}, { rewarded: false })).toBe(
      "I'm a fan of this shop and think you'd like it too.",
    );
    expect(DEFAULT_SHARE_TEXT).toContain('{shop}');
    expect(DEFAULT_SHARE_TEXT_WITH_OFFER).toContain('{offer}');
  });

  it('adds the disclosure when rewarded, naming the reward when known', () => {
    expect(shareText(undefined, values, { rewarded: true })).toBe(
      "I'm a fan of Lather & Leaf. With my link, you get 10% off on your first order. (Disclosure: I get 5% off if you use my link.)",
    );
    expect(shareText('Try {shop}', { shop: 'Leaf' }, { rewarded: true })).toBe(
      'Try Leaf (Disclosure: I get a reward if you use my link.)',
    );
    expect(DEFAULT_SHARE_DISCLOSURE).toContain('{reward}');
  });

  it('takes the merchant’s own disclosure, filled the same way', () => {
    expect(
      shareText('Try {shop}.', values, {
        rewarded: true,
        disclosure: '— I earn {reward} when you order through this link.',
      }),
    ).toBe('Try Lather & Leaf. — I earn 5% off when you order through this link.');
  });

  it('never adds the disclosure twice', () => {
    const said = 'Love it. (Disclosure: I get 5% off if you use my link.)';
    expect(shareText(said, values, { rewarded: true })).toBe(said);
    expect(
      shareText('Love it! disclosure:  I GET {reward} if you use my link', values, {
        rewarded: true,
      }),
    ).toBe('Love it! disclosure: I GET 5% off if you use my link');
  });

  it('puts the disclosure where the template says, and leaves the slot out otherwise', () => {
    expect(shareText('{disclosure}\nTry {shop}!', values, { rewarded: true })).toBe(
      '(Disclosure: I get 5% off if you use my link.)\nTry Lather & Leaf!',
    );
    expect(shareText('Try {shop} {disclosure}! {disclosure}', values, { rewarded: true })).toBe(
      'Try Lather & Leaf (Disclosure: I get 5% off if you use my link.)!',
    );
    expect(shareText('Try {shop} {disclosure}!', values, { rewarded: false })).toBe(
      'Try Lather & Leaf!',
    );
  });

  it('refuses a blank disclosure or a bad limit, naming it', () => {
    expect(() => shareText('Hi', values, { rewarded: true, disclosure: ' ' })).toThrow(
      /"disclosure"/,
    );
    expect(() => shareText('Hi', values, { rewarded: true, disclosure: '{nothing}' })).toThrow(
      TypeError,
    );
    expect(() => shareText('Hi', values, { rewarded: true, limit: 20 })).toThrow(/"disclosure"/);
    for (const limit of [0, 2.5, Number.NaN]) {
      expect(() => shareText('Hi', values, { rewarded: false, limit })).toThrow(RangeError);
    }
    // Not rewarded, the disclosure is not used, so it is not checked.
    expect(shareText('Hi', values, { rewarded: false, disclosure: '' })).toBe('Hi');
  });

  it('fits a post on X beside the link, cutting words and never the disclosure', () => {
    const long = `${'Lovely soap, '.repeat(40)}{disclosure} and more.`;
    const text = shareText(long, values, { rewarded: true });
    expect(shareTextLength(text)).toBeLessThanOrEqual(SHARE_TEXT_LIMIT);
    expect(text).toMatch(
      /^(Lovely soap, )+Lovely… \(Disclosure: I get 5% off if you use my link\.\)$/,
    );
    // 23 for the link and a space: 280 in all.
    expect(SHARE_TEXT_LIMIT + 1 + 23).toBe(280);

    const plain = shareText('石鹸'.repeat(200), values, { rewarded: false });
    expect(shareTextLength(plain)).toBeLessThanOrEqual(SHARE_TEXT_LIMIT);
    expect(plain.endsWith('…')).toBe(true);

    const emoji = shareText('🧼'.repeat(200), values, { rewarded: false, limit: 12 });
    expect(emoji).toBe('🧼🧼🧼🧼🧼…');
  });

  it('keeps a text that fits as it is', () => {
    const text = 'a'.repeat(SHARE_TEXT_LIMIT);
    expect(shareText(text, values, { rewarded: false })).toBe(text);
    // "…" counts 2 on X.
    expect(shareText(`${text}b`, values, { rewarded: false })).toBe(`${'a'.repeat(254)}…`);
  });

  it('takes a very long template in stride', () => {
    // Long runs of spaces and brackets are where a careless pattern backtracks for minutes.
    const template = `${' '.repeat(100_000)}{name}${'( '.repeat(50_000)}{ ${' '.repeat(50_000)}`;
    const text = shareText(template, values, { rewarded: true });
    expect(text.endsWith('(Disclosure: I get 5% off if you use my link.)')).toBe(true);
    expect(shareTextLength(text)).toBeLessThanOrEqual(SHARE_TEXT_LIMIT);
  });
});
