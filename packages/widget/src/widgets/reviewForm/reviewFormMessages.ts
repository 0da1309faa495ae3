/** The words of the `review-form` widget (English); pass some of them to translate. */
export interface ReviewFormMessages {
  /** The form's heading, which names it. */
  title: string;
  /** The legend of the star rating. */
  rating: string;
  /** Each star's label: "1 star", "4 stars". */
  stars(count: number): string;
  headline: string;
  body: string;
  /** Under the review's text: how long it may be. */
  bodyHint(min: number, max: number): string;
  /** Announced (politely) only near the limit: "100 characters left". */
  left(count: number): string;
  name: string;
  nameHint: string;
  email: string;
  /** Under the e-mail: it is private. */
  emailHint: string;
  /** The consent checkbox's label, with the shop's name. */
  consent(shop: string): string;
  /** Whose name is used when the shop's is not known. */
  shop: string;
  submit: string;
  /** What each field's error says, by field; others say the server's words. */
  errors: Record<string, string>;
  /** Said when the review could not be sent (and was not kept); what was typed stays. */
  failed: string;
  /** The confirmation that replaces the form. */
  thanks: string;
  /** Said instead when the shopper is offline: the review is kept and sent later. */
  queued: string;
  /** Before the link to the page that withdraws the review. */
  changed: string;
  /** The link's words. */
  withdraw: string;
  /** After the link: it opens elsewhere, and is the author's to keep. */
  keep: string;
}

export const reviewFormMessages: ReviewFormMessages = {
  title: 'Write a review',
  rating: 'Your rating',
  stars: (count) => (count === 1 ? '1 star' : `${count} stars`),
  headline: 'Title (optional)',
  body: 'Your review',
  bodyHint: (min, max) => `At least ${min} and at most ${max} characters.`,
  left: (count) => (count < 0 ? `${-count} characters too many` : `${count} characters left`),
  name: 'Your name',
  nameHint: 'Shown with your review.',
  email: 'E-mail (optional)',
  emailHint: 'Never shown. Only used about your review.',
  consent: (shop) => `I agree that ${shop} may publish my review with my name`,
  shop: 'the shop',
  submit: 'Submit review',
  errors: {
    rating: 'Choose a rating from 1 to 5 stars.',
    title: 'Keep the title to 120 characters or fewer.',
    body: 'Write at least 10 and at most 5000 characters.',
    authorName: 'Enter the name to show, up to 80 characters.',
    email: 'Enter an e-mail address like name@example.com, or leave it empty.',
    consent: 'Tick the box so that your review can be published.',
  },
  failed: 'Your review could not be sent. Please try again.',
  thanks: 'Thank you! Your review is waiting for moderation.',
  queued: 'Saved — it will be sent when you are back online.',
  changed: 'Changed your mind? ',
  withdraw: 'Withdraw your review',
  keep: ' (opens in a new tab; keep the link, it works at any time).',
};
