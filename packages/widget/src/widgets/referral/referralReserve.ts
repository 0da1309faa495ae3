/**
 * The block size the `referral` card holds from the moment it is mounted, in every state
 * (loading, not identified, identified with or without rewards, failed), so that the
 * shop's page never moves under it. `%` is of the card's width: the narrower the card,
 * the more its lines wrap. Three pieces: 27em for a card 520px wide or more; 34em down to
 * 430px, then a line rising as the share buttons and figures wrap; a steeper one under
 * 340px, where the offer and the link's row wrap too.
 *
 * Measured on the example shop (16px), the loaded card of a customer with rewards, the
 * tallest state, is 397px tall from 520px wide, 425 at 480, 520 from 330 to 430, 572 at
 * 300, 670 at 280, 715 at 240 and 763 at 200: this holds a line (24px) more than that at
 * every width, for a longer offer. The list of rewards opens below only when asked.
 */
export const referralReserve = 'max(27em, min(34em, calc(70.5em - 136%)), calc(86.25em - 245%))';
