/**
 * The block size the `review-form` holds from the moment it is mounted, so that the
 * shop's page does not move when the form appears (`%` is of the form's width: on narrow
 * screens the consent text and the hints wrap). Measured (16px, no error shown): 701px
 * tall from 640px wide, 725 from 360 to 560, 749 at 320 and 784 at 280 and below; this
 * holds about a line more at every width, for other fonts. Errors and the confirmation
 * change the height only after the shopper acted.
 */
export const reviewFormReserve = 'max(45em, calc(54em - 20%))';
