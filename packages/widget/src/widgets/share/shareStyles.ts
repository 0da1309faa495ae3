import { controlStyles } from '../shared/controlStyles.js';

/**
 * The `share` widget's sheet: a row of buttons in the page's flow, wrapping onto more
 * rows when narrow, themed by `--vouch-*` tokens. Each button is at least 40px tall (2.5em
 * at 16px), well above the 24px of WCAG 2.5.8; its border uses the muted text colour,
 * which keeps 3:1 against the background. Gaps and paddings are the same on both sides,
 * so the row reads the same way in right-to-left pages, where it starts at the right.
 */
export const shareStyles =
  controlStyles +
  '.vouch-share{display:flex;flex-direction:column;gap:.5em}.vouch-share p{margin:0}' +
  '.vouch-channels{display:flex;flex-wrap:wrap;gap:.5em}' +
  '.vouch-channel{display:inline-flex;align-items:center;gap:.375em;min-height:2.5em;padding:.375em .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-surface);color:var(--vouch-color-text);text-decoration:none;font-weight:600}' +
  '.vouch-channel:hover{border-color:var(--vouch-color-text)}' +
  'svg{display:block;width:1.25em;height:1.25em;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.vouch-muted{color:var(--vouch-color-muted);font-size:.875em}';
