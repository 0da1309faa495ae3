/** The words of the `testimonials` wall (English); pass some of them to translate. */
export interface TestimonialsMessages {
  /** The wall's heading, which names its region. */
  title: string;
  /** The label of the sort control, and its two choices. */
  sort: string;
  newest: string;
  highest: string;
  /** Read to screen readers instead of the stars: "Rated 4 out of 5". */
  rated(rating: number): string;
  /** The badge of a review whose order matched the author's purchase. */
  verified: string;
  /** The disclosure on a review whose author received a reward tied to it. */
  incentivized: string;
  /** Above the merchant's answer: "Reply from Lather & Leaf". */
  reply(shop: string): string;
  /** The button that appends the next page. */
  more: string;
  /** Announced once the next page is in: "6 more reviews shown". */
  shown(count: number): string;
  /** Said when the next page could not be read; the button stays to try again. */
  moreFailed: string;
  loading: string;
  /** Shown when there is no approved review yet. */
  none: string;
  failed: string;
  retry: string;
}

export const testimonialsMessages: TestimonialsMessages = {
  title: 'Customer reviews',
  sort: 'Sort by',
  newest: 'Newest',
  highest: 'Highest rated',
  rated: (rating) => `Rated ${rating} out of 5`,
  verified: 'Verified buyer',
  incentivized: 'Received an incentive',
  reply: (shop) => (shop ? `Reply from ${shop}` : 'Reply from the shop'),
  more: 'Load more reviews',
  shown: (count) => (count === 1 ? '1 more review shown' : `${count} more reviews shown`),
  moreFailed: 'More reviews could not be loaded. Please try again.',
  loading: 'Loading reviews…',
  none: 'No reviews yet',
  failed: 'Reviews could not be loaded.',
  retry: 'Try again',
};
