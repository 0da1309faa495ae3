/** Where an NPS answer falls: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export type NpsCategory = 'detractor' | 'passive' | 'promoter';

/**
 * The category of one answer to "How likely are you to recommend …?" (0–10).
 * Throws a `RangeError` naming the value for anything but an integer from 0 to 10.
 */
export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`An NPS score is an integer from 0 to 10, not ${String(score)}`);
  }
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
