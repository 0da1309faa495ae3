const UNSAFE = /[<>&\u2028\u2029]/g;
const toUnicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text safe to place inside a `<script type="application/ld+json">` element:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as `\u003c`, `\u003e`, `\u0026`, `\u2028`
 * and `\u2029`, so no text in it (`</script>`, `<!--`) can end the element or change how
 * it is parsed, and `JSON.parse` gives back the same value. Those characters appear only
 * inside strings in JSON, where the escapes mean the same. Throws a `TypeError` for a
 * value JSON cannot represent (`undefined`, a function).
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('JSON-LD must be a JSON value');
  return json.replace(UNSAFE, toUnicodeEscape);
}
