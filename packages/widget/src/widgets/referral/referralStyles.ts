import { controlStyles } from '../shared/controlStyles.js';

/** The `referral` widget's sheet: a card in the page's flow, themed by `--vouch-*` tokens. */
export const referralStyles =
  controlStyles +
  '.vouch-card{padding:calc(var(--vouch-space)*1.5);border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  'h2,h3{margin:0 0 .5em;line-height:1.25}h2{font-size:1.25em}h3{font-size:1em;margin-top:var(--vouch-space)}' +
  '.vouch-muted{color:var(--vouch-color-muted);font-size:.875em}' +
  'ul{margin:0 0 var(--vouch-space);padding:0;list-style:none}' +
  '.vouch-channels{display:flex;flex-wrap:wrap;gap:.5em}' +
  '.vouch-channel{display:inline-block;min-height:2.5em;padding:.5em 1em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-surface);color:var(--vouch-color-text);text-decoration:none;font-weight:600}' +
  '.vouch-stats{display:flex;flex-wrap:wrap;gap:var(--vouch-space);margin:var(--vouch-space) 0}' +
  '.vouch-stats div{flex:1 1 8em;padding:.5em .75em;border-radius:var(--vouch-radius);background:var(--vouch-color-surface)}' +
  'dt{color:var(--vouch-color-muted);font-size:.875em}dd{margin:0;font-size:1.5em;font-weight:700}' +
  '.vouch-rewards li{padding:.25em 0;border-top:1px solid var(--vouch-color-border)}' +
  'code{font-family:ui-monospace,monospace;font-weight:700}';
