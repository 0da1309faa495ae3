import { testimonialsStyles } from '../testimonials/testimonialsStyles.js';

/**
 * The `carousel`'s sheet: the wall's (for the card: stars, badges, reply, the words for
 * screen readers) and then its own, themed by `--vouch-*` tokens only.
 *
 * The carousel fills the block size it holds (`carouselReserve`): the controls on a line of
 * fixed height, the slide area taking the rest. Everything in the slide area is placed
 * absolutely over it, so no review, however long, changes its size and nothing on the page
 * moves as slides change. A review longer than the area scrolls inside it rather than being
 * cut off: its whole text stays readable, with the pointer or, once the area has focus, the
 * keyboard, and no "read more" control is needed. Buttons are 2.75em square at least (44px
 * at 16px), their borders in the muted text colour (3:1 against the background). A new
 * slide fades in, unless the shopper asked for reduced motion.
 */
export const carouselStyles =
  testimonialsStyles +
  'section{display:flex;flex-direction:column;gap:.5em}' +
  '.vouch-bar{display:flex;flex:none;align-items:center;gap:.25em;block-size:2.75em}' +
  '.vouch-bar span{min-inline-size:4.5em;text-align:center;color:var(--vouch-color-muted);font-size:.875em}' +
  '.vouch-prev{margin-inline-start:auto}' +
  'button{min-inline-size:2.75em;block-size:2.75em;padding:0 .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-background);line-height:1}' +
  '.vouch-area{position:relative;flex:auto}' +
  '.vouch-area>*{position:absolute;inset:0;display:flex;flex-direction:column;overflow:auto}' +
  '.vouch-area>:not(.vouch-live){align-items:center;justify-content:center;gap:.5em;text-align:center}' +
  'ul{display:flex;flex:auto;flex-direction:column}li{flex:auto}' +
  '@media (prefers-reduced-motion:no-preference){li{animation:vouch-in .4s}}@keyframes vouch-in{from{opacity:0}}';
