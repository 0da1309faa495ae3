/** The `rating` badge is one line, in every state (loading, no reviews, a rating). */
export const ratingReserve = '1.5em';
