/**
 * The `rating` badge: one line. The stars are text filled to the average with a gradient
 * (decorative: the number and the words say it), in the theme's star colour on the
 * border colour; in forced colours they are plain text. The screen-reader words are
 * clipped, not hidden.
 */
export const ratingStyles =
  '.vouch-rating{margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.vouch-stars{background:linear-gradient(90deg,var(--vouch-color-star) var(--vouch-fill,0%),var(--vouch-color-border) 0);-webkit-background-clip:text;background-clip:text;color:transparent;letter-spacing:.05em;margin-inline-end:.25em}' +
  '@media (forced-colors:active){.vouch-stars{background:none;color:CanvasText}}' +
  '.vouch-average{font-weight:700}' +
  '.vouch-muted{color:var(--vouch-color-muted)}' +
  '.vouch-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  'a{color:inherit;text-decoration:underline;text-underline-offset:.15em}';
