/**
 * The block size the `carousel` holds from the moment it is mounted, in every state
 * (loading, empty, failed, any slide), so that the shop's page never moves. `%` is of the
 * carousel's width: the narrower it is, the more lines a review's text takes. The controls
 * take 3.25em of it; the rest is the slide area, whose size comes from this alone and never
 * from the review shown (see `carouselStyles`).
 *
 * At 16px: 360px tall at 280px wide, 336 at 400, 296 at 600, then 256 from 800 to 1,200 and
 * wider. That shows a whole review of about 200 characters with its title and a badge at
 * every width (six lines of text at 280px, two from 800px); a longer one, or one with the
 * merchant's reply, scrolls inside the card.
 */
export const carouselReserve = 'max(16em, calc(26em - 20%))';
