/**
 * The block size the `testimonials` wall holds from the moment it is mounted, in every
 * state (loading, empty, failed, a first page), so that the shop's page never moves
 * while it loads. `%` is of the wall's width: the narrower the wall, the more its lines
 * wrap: one column under 35em, two under 53em, then three or four. The pieces: 48.5em
 * for three or four columns; a line rising as two columns narrow; a line rising as one
 * column narrows, and a steeper one under 17.5em. Where the cards fall into fewer columns
 * (53em, 35em), the step up is a steep line just above it.
 *
 * Measured (16px) with a realistic first page of six reviews (most with a title and the
 * verified badge, one incentivized, one with a reply, texts of 45 to 170 characters) and
 * "Load more": 750px tall from 848px wide (three columns), 860 from 780 to 840, 959 at
 * 640, 1031 at 560 (two columns); in one column 1429 at 520, 1477 from 400 to 480, 1573
 * at 360, 1621 at 320 and 1720 at 280. This holds about a line (24px) more than that at
 * every width, for longer texts (more from 560px to 600px, where the step from two
 * columns to one lies); the cards "Load more" brings grow the wall below, at the
 * shopper's own request.
 */
export const testimonialsReserve =
  'max(48.5em, min(calc(86.7em - 59.5%), calc(320em - 500%)), min(calc(126.7em - 101.3%), calc(450.7em - 1030%)), calc(189.2em - 458%))';
