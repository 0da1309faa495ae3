/** URL-safe alphabet of 64 symbols, so one random byte masked to 6 bits picks one evenly. */
const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

/**
 * A 21-character URL-safe id (126 random bits) built from `fill`, which must fill its
 * argument with cryptographically strong bytes (`crypto.getRandomValues`).
 */
export function randomId(fill: (bytes: Uint8Array<ArrayBuffer>) => unknown, size = 21): string {
  const bytes = new Uint8Array(size);
  fill(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}
