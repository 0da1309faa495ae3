import type { RatingHistogram } from '../schemas/testimonials.js';

/** What {@link aggregateRating} reports: the shape of `GET /v1/sites/:site/rating`. */
export interface RatingAggregate {
  /**
   * The mean number of stars, rounded to one decimal (halves up: 4.25 → 4.3); null when
   * there are no ratings, because with none there is no average to show or to mark up.
   */
  average: number | null;
  /** How many ratings, every one counted whatever its stars. */
  count: number;
  /** How many ratings gave each number of stars, keyed 1 to 5. */
  histogram: RatingHistogram;
}

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * The aggregate of star ratings (integers 1–5): `{ average, count, histogram }`. Every
 * rating counts: nothing is left out for its value. Throws a `TypeError` naming the
 * first rating that is not an integer from 1 to 5, with its index.
 */
export function aggregateRating(ratings: readonly number[]): RatingAggregate {
  const histogram: RatingHistogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  ratings.forEach((rating, index) => {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw new TypeError(
        `A rating is an integer from 1 to 5, not ${String(rating)} (ratings[${index}])`,
      );
    }
    histogram[rating as keyof RatingHistogram]++;
  });
  return aggregateRatingCounts(histogram);
}

/**
 * The aggregate of ratings already counted per number of stars (as a database `GROUP BY`
 * gives them); equal to {@link aggregateRating} of the same ratings. Throws a
 * `RangeError` naming a count that is not a whole number ≥ 0.
 */
export function aggregateRatingCounts(histogram: RatingHistogram): RatingAggregate {
  let count = 0;
  let stars = 0;
  for (const star of STARS) {
    const value = histogram[star];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`"${star}" must be a whole number ≥ 0, not ${String(value)}`);
    }
    count += value;
    stars += star * value;
  }
  return {
    // From whole numbers, so a true half (85 / 20 = 4.25) is exact and rounds up.
    average: count === 0 ? null : Math.round((stars * 10) / count) / 10,
    count,
    histogram: {
      1: histogram[1],
      2: histogram[2],
      3: histogram[3],
      4: histogram[4],
      5: histogram[5],
    },
  };
}
