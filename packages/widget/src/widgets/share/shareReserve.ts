/**
 * The block size the `share` widget holds from the moment it is mounted, so that the
 * shop's page never moves when its buttons arrive. `%` is of the widget's width: the
 * narrower it is, the more rows its buttons take. Four pieces: 8em for one row of
 * buttons; 11.5em for two rows (under about 760px), with a steep line above that step;
 * 16em for three rows (under about 430px), with a steep line above that step; and a line
 * rising under 285px, where a fourth row comes.
 *
 * Measured (16px, the default six buttons "Share…", WhatsApp, Facebook, X, Email, "Copy
 * link", with the incentive line and its disclosure for "€5.00 store credit"), the loaded
 * widget is 98px tall from 760px wide, 119 from 745 to 755, 167 from 420 to 740, 215 from
 * 400 to 415, 236 from 280 to 390, 284 at 270 and 305 at 260: this holds 16 to 30px more
 * at every width, for wider fonts and longer words. The Mastodon server field and the
 * link to copy by hand open below only when the shopper asks; a site that lists more
 * channels than these may take a row more.
 */
export const shareReserve =
  'max(8em, min(11.5em, calc(97.85em - 186.7%)), min(16em, calc(90.7em - 288%)), calc(68.75em - 296%))';
