/** The words of the `rating` badge (English); pass some of them to translate. */
export interface RatingMessages {
  /** Read to screen readers instead of the stars and the number: "Rated 4.8 out of 5". */
  rated(average: string): string;
  /** After the average: "from 1,203 reviews" (`formatted` is the count in the locale). */
  reviews(count: number, formatted: string): string;
  /** Shown when there is no approved review yet. */
  none: string;
}

export const ratingMessages: RatingMessages = {
  rated: (average) => `Rated ${average} out of 5`,
  reviews: (count, formatted) => (count === 1 ? 'from 1 review' : `from ${formatted} reviews`),
  none: 'No reviews yet',
};
