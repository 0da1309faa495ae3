import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from './serializeJsonLd.js';

// Classic ways out of a script element, and the line separators that older JavaScript
// parsers took for line ends.
const PAYLOADS = [
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '</script\t>',
  '<!--<script>',
  '<!-- --> <![CDATA[ ]]>',
  '&lt;/script&gt; &amp; &',
  '\u2028\u2029',
  '"\\"}]}</script>',
  '<\u0000/script>',
  '💥</script>',
];

describe('serializeJsonLd', () => {
  it.each(PAYLOADS)('keeps %j inside the element and parses back to it', (payload) => {
    const value = { '@type': 'Review', reviewBody: payload, [`key${payload}`]: [payload] };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain('<!--');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('writes the escapes JSON defines', () => {
    expect(serializeJsonLd({ a: '<b>&</b>\u2028\u2029' })).toBe(
      '{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e\\u2028\\u2029"}',
    );
  });

  it('leaves other text as JSON.stringify writes it', () => {
    const value = { name: 'Oat "Honey" Soap', n: 4.8, ok: true, none: null, list: ['é', '😀'] };
    expect(serializeJsonLd(value)).toBe(JSON.stringify(value));
  });

  it('throws a TypeError for what JSON cannot hold', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
    expect(() => serializeJsonLd(() => 1)).toThrow(TypeError);
  });
});
