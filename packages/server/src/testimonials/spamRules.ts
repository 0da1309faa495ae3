/** A reason a testimonial was flagged for the merchant's review (`honeypot`: rejected). */
export type SpamReason = 'honeypot' | 'too_fast' | 'too_many_links' | 'duplicate';

/** The thresholds of the spam checks. */
export interface SpamRules {
  /**
   * A form sent sooner than this after it was shown is flagged `too_fast`.
   * @default 3000
   */
  minFillMs: number;
  /**
   * A body with more links than this is flagged `too_many_links`.
   * @default 2
   */
  maxLinks: number;
  /**
   * The same text (case and spacing aside) stored for the site within this many days is
   * flagged `duplicate`.
   * @default 30
   */
  duplicateDays: number;
}

export const DEFAULT_SPAM_RULES: SpamRules = { minFillMs: 3000, maxLinks: 2, duplicateDays: 30 };

// A scheme, a `www.` host, or a BBCode link: what link spam carries, counted as links.
const LINK = /\bhttps?:\/\/|\bwww\.|\[url[=\]]/giu;

/** How many links a text carries. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/**
 * The reasons a testimonial looks like spam from its own content: sent too fast after
 * the form was shown (`fillMs` absent: the page did not measure, so nothing is flagged)
 * and too many links in its text. Duplicate text needs the database (see
 * `findDuplicateBody`).
 */
export function contentSpamReasons(
  input: { fillMs: number | undefined; texts: readonly string[] },
  rules: SpamRules,
): SpamReason[] {
  const reasons: SpamReason[] = [];
  if (input.fillMs !== undefined && input.fillMs < rules.minFillMs) reasons.push('too_fast');
  const links = input.texts.reduce((sum, text) => sum + countLinks(text), 0);
  if (links > rules.maxLinks) reasons.push('too_many_links');
  return reasons;
}
