import { graphemes, graphemeWeight, shareTextLength } from './shareTextLength.js';

/** The words {@link shareText} puts in a template's placeholders. */
export interface ShareTextValues {
  /** `{name}`: the sharer's name, such as `Ada`. */
  name?: string | null | undefined;
  /** `{shop}`: the shop's name, such as `Lather & Leaf`. */
  shop?: string | null | undefined;
  /** `{offer}`: what a friend gets, in plain words (`describeReward`), such as `10% off`. */
  offer?: string | null | undefined;
  /** `{reward}`: what the sharer gets, in plain words, such as `€5.00 store credit`. */
  reward?: string | null | undefined;
}

/** Options of {@link shareText}. */
export interface ShareTextOptions {
  /**
   * Whether the sharer gets anything for sharing (or for what a friend then does). When
   * true, the text always carries `disclosure`.
   */
  rewarded: boolean;
  /**
   * The disclosure a rewarded sharer makes, itself a template: `{reward}` is the sharer's
   * reward, or "a reward" when none is given. Say plainly that the sharer is rewarded and
   * for what; a bare "#ad" does not tell a friend that. It must fit within `limit`.
   * @default DEFAULT_SHARE_DISCLOSURE
   */
  disclosure?: string;
  /**
   * The longest text, counted as X counts a post (an emoji or a CJK character is 2).
   * @default SHARE_TEXT_LIMIT (256: a 280-character post, less 23 for the link and 1 for
   * the space before it)
   */
  limit?: number;
}

/** The template {@link shareText} uses when the merchant sets none and there is no offer. */
export const DEFAULT_SHARE_TEXT = "I'm a fan of {shop} and think you'd like it too.";
/** The template {@link shareText} uses when the merchant sets none and a friend gets `offer`. */
export const DEFAULT_SHARE_TEXT_WITH_OFFER =
  "I'm a fan of {shop}. With my link, you get {offer} on your first order.";
/** The disclosure {@link shareText} adds for a rewarded sharer unless told otherwise. */
export const DEFAULT_SHARE_DISCLOSURE = '(Disclosure: I get {reward} if you use my link.)';
/** The default `limit` of {@link shareText}: what a post on X has room for beside a link. */
export const SHARE_TEXT_LIMIT = 256;

const KEYS = new Set(['name', 'shop', 'offer', 'reward']);
// A placeholder, or a stray brace.
const PLACEHOLDER = /\{\s*([A-Za-z_]\w*)\s*\}|[{}]/g;
const ELLIPSIS = '…';

const clean = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';

// A loop, not a regular expression: /[ \t]+$/ takes quadratic time on long runs of spaces.
const withoutTrailingSpaces = (text: string) => {
  let end = text.length;
  while (end > 0 && /[^\S\n]/.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
};

/**
 * `template` with its placeholders filled, cut at each `{disclosure}`. A placeholder with
 * nothing to say goes with the spaces before it ("Hi {name}, look" → "Hi, look"), as do
 * unknown ones; stray braces go too.
 */
function fill(template: string, values: ShareTextValues): string[] {
  const parts: string[] = [];
  let part = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    part += template.slice(last, match.index);
    last = match.index + match[0].length;
    const key = match[1];
    if (key === undefined) continue;
    const name = key.toLowerCase();
    if (name === 'disclosure') {
      parts.push(withoutTrailingSpaces(part));
      part = '';
      continue;
    }
    const value = KEYS.has(name) ? clean(values[name as keyof ShareTextValues]) : '';
    if (value) part += value;
    else part = withoutTrailingSpaces(part);
  }
  parts.push(part + template.slice(last));
  return parts;
}

const tidy = (text: string) =>
  text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ ?(?:\(\s*\)|\[\s*\])/g, '')
    .trim();

/** `text` cut to `limit` (X's count) at a word where one is near, ending in "…". */
function cut(text: string, limit: number): string {
  if (shareTextLength(text) <= limit) return text;
  let kept = '';
  let weight = graphemeWeight(ELLIPSIS);
  for (const grapheme of graphemes(text)) {
    weight += graphemeWeight(grapheme);
    if (weight > limit) break;
    kept += grapheme;
  }
  // Back to the last space if it is near the end, so that no word is cut in half.
  const space = kept.search(/\s\S*$/);
  if (space > kept.length * 0.7) kept = kept.slice(0, space);
  kept = kept.replace(/[\s,;:\-–—]+$/, '');
  return kept ? kept + ELLIPSIS : '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern that finds `disclosure` in a text, in any case, with or without its brackets. */
function disclosurePattern(disclosure: string): RegExp {
  const core = disclosure.replace(/^[([]\s*|\s*[)\]]$/g, '').replace(/[.!]$/, '');
  const words = core.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`[([]?\\s*${words}[.!]?\\s*[)\\]]?`, 'iu');
}

/**
 * A message for a sharer to post with their link: `template` (the merchant's words, or
 * {@link DEFAULT_SHARE_TEXT_WITH_OFFER} when there is an `offer`, else
 * {@link DEFAULT_SHARE_TEXT}, where a missing shop reads "this shop") with `{name}`,
 * `{shop}`, `{offer}` and `{reward}` filled from `values`. A placeholder without a value,
 * or unknown, is left out with the space before it; stray braces are dropped; runs of
 * spaces become one and brackets left empty go.
 *
 * When `rewarded`, the text carries `disclosure` (filled the same way): where the template
 * first puts `{disclosure}`, else at the end, and never twice (a template that already
 * says it, in any case, keeps its own). When not rewarded, `{disclosure}` is left out.
 *
 * The result fits `limit`, counted as X counts a post: the merchant's words are cut at a
 * word with "…", the disclosure never (it moves to the end if it had to go). Throws a
 * `RangeError` naming `limit` when it is not a whole number ≥ 1, and a `TypeError` naming
 * `disclosure` when it is blank or does not fit in `limit`.
 */
export function shareText(
  template: string | null | undefined,
  values: ShareTextValues,
  options: ShareTextOptions,
): string {
  const { rewarded, disclosure = DEFAULT_SHARE_DISCLOSURE, limit = SHARE_TEXT_LIMIT } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`[vouch] shareText: "limit" must be a whole number ≥ 1, got ${limit}`);
  }
  const own = typeof template === 'string' && template.trim() !== '';
  const given = values ?? {};
  const parts = own
    ? fill(template, given)
    : fill(clean(given.offer) ? DEFAULT_SHARE_TEXT_WITH_OFFER : DEFAULT_SHARE_TEXT, {
        ...given,
        shop: clean(given.shop) || 'this shop',
      });
  if (!rewarded) return cut(tidy(parts.join('')), limit);

  const said = tidy(
    typeof disclosure === 'string'
      ? fill(disclosure, { ...given, reward: clean(given.reward) || 'a reward' }).join('')
      : '',
  );
  if (!said || shareTextLength(said) > limit) {
    throw new TypeError(
      `[vouch] shareText: "disclosure" must say what the sharer gets, in at most ${limit} characters`,
    );
  }
  const pattern = disclosurePattern(said);
  const ownWords = tidy(parts.join(''));
  // Words that already disclose are kept as they are; else the disclosure goes where the
  // template first asks for it (a second `{disclosure}` is left out).
  const after = parts.slice(1).join('');
  const candidate = pattern.test(ownWords)
    ? ownWords
    : parts.length > 1
      ? tidy(`${parts[0]} ${said}${/^[\s.,!?;:)\]]|^$/.test(after) ? '' : ' '}${after}`)
      : '';
  if (candidate && shareTextLength(candidate) <= limit) return candidate;
  // Too long (or no disclosure yet): the merchant's words are cut, the disclosure follows.
  const words = tidy(ownWords.replace(new RegExp(pattern.source, 'giu'), ' '));
  const room = limit - shareTextLength(said) - 1;
  const body = room > 0 ? cut(words, room) : '';
  return body ? `${body} ${said}` : said;
}
