// A character as a reader sees it: a code point with the marks, emoji modifiers, tags
// and zero-width-joined code points that follow it, or a pair of regional indicators (a
// flag). This is Unicode's grapheme cluster in all but rare scripts' details, and it is
// linear: Intl.Segmenter takes quadratic time over long texts in some engines.
const CLUSTER =
  /\p{Regional_Indicator}{2}|[\s\S](?:[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]|\u200D[\s\S]?)*/gu;

/**
 * The characters of `text` as a reader sees them (see {@link CLUSTER}), one at a time, so
 * that a cut never separates an emoji, a flag or an accent from its letter, nor the two
 * halves of a surrogate pair.
 */
export function* graphemes(text: string): Generator<string> {
  for (const [cluster] of text.matchAll(CLUSTER)) yield cluster;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * What one character costs in a post on X: 1 for Latin, Greek, Cyrillic, Hebrew, Arabic,
 * Indic scripts and common punctuation (code points up to U+10FF, and U+2000–U+200D,
 * U+2010–U+201F, U+2032–U+2037), 2 for everything else (CJK, most symbols), an emoji
 * 2 however many code points it has. Counted after NFC normalization, as X counts.
 */
export function graphemeWeight(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  let weight = 0;
  for (const char of grapheme.normalize('NFC')) {
    const point = char.codePointAt(0) ?? 0;
    const light =
      point <= 0x10ff ||
      (point >= 0x2000 && point <= 0x200d) ||
      (point >= 0x2010 && point <= 0x201f) ||
      (point >= 0x2032 && point <= 0x2037);
    weight += light ? 1 : 2;
  }
  return weight;
}

/** The length of `text` as X counts it (see {@link graphemeWeight}); never less. */
export function shareTextLength(text: string): number {
  let weight = 0;
  for (const grapheme of graphemes(text)) weight += graphemeWeight(grapheme);
  return weight;
}
