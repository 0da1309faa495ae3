import { npsCategory } from './npsCategory.js';

/** Answers counted by category, as a database `GROUP BY` gives them. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** What {@link summarizeNps} reports. */
export interface NpsSummary extends NpsCounts {
  /** % promoters − % detractors over the answers, −100..100 (unrounded); null without answers. */
  nps: number | null;
  /** Answers (promoters + passives + detractors); dismissals are not answers. */
  total: number;
  /**
   * Half the width of the 95% confidence interval, in NPS points: the score is
   * `nps ± marginOfError`. Null without answers. See {@link npsMarginOfError}.
   */
  marginOfError: number | null;
  /** Prompts closed without an answer, when given: reported beside the score, never in it. */
  dismissals?: number;
}

/** Options of {@link summarizeNps}. */
export interface SummarizeNpsOptions {
  /** Prompts closed without an answer, to report beside the score (never counted in it). */
  dismissals?: number;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.96;
/** Rocks' adjusted Wald: ¾ of a pseudo-answer added to promoters and to detractors… */
const PSEUDO = 0.75;
/** …and three to the total (so 1½ to passives). */
const PSEUDO_TOTAL = 3;

/**
 * The 95% margin of error of an NPS in points, by the adjusted Wald interval of
 * B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4), 2016 (arXiv:1601.07235), which found it among the best covering
 * methods on real survey data (confirmed by Sauro and Lewis, MeasuringU, 2021).
 *
 * Each answer scores +1 (promoter), 0 or −1 (detractor); with p and d the shares of
 * promoters and detractors among n answers, the per-answer variance is p + d − (p − d)²
 * and the plain (Wald) margin is 1.96·√(variance / n)·100. That margin is 0 when every
 * answer agrees — three promoters would claim "NPS 100 ± 0" — and far too narrow for
 * small samples. The adjusted Wald adds ¾ to promoters and detractors and 3 to n before
 * the same formula, so a unanimous or tiny sample shows the wide margin it has, while
 * for hundreds of answers it differs from the plain margin by a fraction of a point.
 * It is still an approximation: below a few dozen answers read it as "very uncertain"
 * rather than as an exact interval. Null without answers (there is no score to bound).
 */
export function npsMarginOfError(counts: NpsCounts): number | null {
  const total = countsTotal(counts);
  if (total === 0) return null;
  const n = total + PSEUDO_TOTAL;
  const p = (counts.promoters + PSEUDO) / n;
  const d = (counts.detractors + PSEUDO) / n;
  const variance = p + d - (p - d) ** 2;
  return Z95 * Math.sqrt(variance / n) * 100;
}

/**
 * Net Promoter Score of answers counted by category (for counts a database already
 * grouped). Throws a `RangeError` naming a count that is not a whole number ≥ 0.
 */
export function summarizeNpsCounts(
  counts: NpsCounts,
  options: SummarizeNpsOptions = {},
): NpsSummary {
  const { promoters, passives, detractors } = counts;
  for (const [name, value] of Object.entries({
    promoters,
    passives,
    detractors,
    ...(options.dismissals === undefined ? {} : { dismissals: options.dismissals }),
  })) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`"${name}" must be a whole number ≥ 0, not ${String(value)}`);
    }
  }
  const total = countsTotal(counts);
  const summary: NpsSummary = {
    nps: total === 0 ? null : ((promoters - detractors) / total) * 100,
    total,
    promoters,
    passives,
    detractors,
    marginOfError: npsMarginOfError(counts),
  };
  if (options.dismissals !== undefined) summary.dismissals = options.dismissals;
  return summary;
}

/**
 * Net Promoter Score of a list of answers (integers 0–10): % promoters − % detractors
 * over the answers only, with its 95% margin of error ({@link npsMarginOfError}).
 * Dismissals are not answers: pass their count as `options.dismissals` to have it
 * reported beside the score. Throws a `RangeError` naming the first invalid score.
 */
export function summarizeNps(
  scores: readonly number[],
  options: SummarizeNpsOptions = {},
): NpsSummary {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = npsCategory(score);
    if (category === 'promoter') counts.promoters++;
    else if (category === 'passive') counts.passives++;
    else counts.detractors++;
  }
  return summarizeNpsCounts(counts, options);
}

function countsTotal(counts: NpsCounts): number {
  return counts.promoters + counts.passives + counts.detractors;
}
