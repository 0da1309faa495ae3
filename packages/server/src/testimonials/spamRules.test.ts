import { describe, expect, it } from 'vitest';
import { bodyHash } from './bodyHash.js';
import { contentSpamReasons, countLinks, DEFAULT_SPAM_RULES } from './spamRules.js';

describe('contentSpamReasons', () => {
  const check = (fillMs: number | undefined, ...texts: string[]) =>
    contentSpamReasons({ fillMs, texts }, DEFAULT_SPAM_RULES);

  it('flags nothing in an ordinary review', () => {
    expect(check(45_000, 'Lovely soap, smells of oats. See www.example.com for the shop.')).toEqual(
      [],
    );
  });

  it('flags a form sent under the fill-time threshold, and not one unmeasured', () => {
    expect(check(900, 'Fine')).toEqual(['too_fast']);
    expect(check(3000, 'Fine')).toEqual([]);
    expect(check(undefined, 'Fine')).toEqual([]);
  });

  it('counts links across the title and body', () => {
    expect(countLinks('http://a.example https://b.example www.c.example [url=x]')).toBe(4);
    expect(check(10_000, 'see http://a.example', 'http://b.example and www.c.example')).toEqual([
      'too_many_links',
    ]);
    expect(check(10_000, 'http://a.example and https://b.example')).toEqual([]);
  });
});

describe('bodyHash', () => {
  it('is the same for the same words in other case and spacing', () => {
    expect(bodyHash('  Great   SOAP\n\tthanks ')).toBe(bodyHash('great soap thanks'));
    expect(bodyHash('great soap thanks')).not.toBe(bodyHash('great soap, thanks'));
  });
});
