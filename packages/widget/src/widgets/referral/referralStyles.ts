import { controlStyles } from '../shared/controlStyles.js';

/**
 * The `referral` widget's sheet: a card in the page's flow, themed by `--vouch-*` tokens.
 * The card fills the block size the widget holds (`referralReserve`). What stays from one
 * state to the next never moves: the title and the offer keep their place at the top, and
 * the loading line and the alert, which go when the card loads, take the middle. Loaded,
 * the figures sit at the bottom; the list of rewards opens below them only when asked.
 */
export const referralStyles =
  controlStyles +
  '.vouch-card{display:flex;flex-direction:column;padding:calc(var(--vouch-space)*1.5);border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  '.vouch-card>[role]{margin-block:auto}' +
  'h2,h3{margin:0 0 .5em;line-height:1.25}h2{font-size:1.25em}h3{font-size:1em}' +
  '.vouch-muted,dt{color:var(--vouch-color-muted);font-size:.875em}' +
  'ul{margin:0 0 var(--vouch-space);padding:0;list-style:none}' +
  '.vouch-channels{display:flex;flex-wrap:wrap;gap:.5em}' +
  '.vouch-channel{display:inline-block;min-height:2.5em;padding:.5em 1em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-surface);color:var(--vouch-color-text);text-decoration:none;font-weight:600}' +
  '[data-vouch-part=rewards]{margin-top:auto}' +
  '.vouch-stats{display:flex;flex-wrap:wrap;gap:.25em 1.25em;margin:0}' +
  '.vouch-stats div{display:flex;align-items:baseline;gap:.375em}' +
  'dd{margin:0;font-weight:700}' +
  'summary{margin-top:.5em;font-weight:600;cursor:pointer}' +
  '.vouch-rewards{margin:.25em 0 0}.vouch-rewards li{padding:.25em 0;border-top:1px solid var(--vouch-color-border)}' +
  'code{font-family:ui-monospace,monospace;font-weight:700}';
