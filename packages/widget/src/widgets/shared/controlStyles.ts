/**
 * CSS for the parts both referral widgets share: the copy field (label, read-only input,
 * button, live note) and buttons. Colours come from `--vouch-*` tokens only; borders of
 * controls use the muted text colour, which keeps 3:1 against the background (WCAG 1.4.11).
 */
export const controlStyles =
  'label{display:block;font-weight:600;margin:0 0 .25em}' +
  '.vouch-row{display:flex;flex-wrap:wrap;gap:.5em}' +
  'input{flex:1 1 8em;min-width:0;padding:.5em .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  '.vouch-button{min-height:2.5em;padding:.5em 1em;border:0;border-radius:var(--vouch-radius);background:var(--vouch-color-accent);color:var(--vouch-color-accent-text);font-weight:600}' +
  '.vouch-note{margin:.25em 0 0;min-height:1.5em;color:var(--vouch-color-muted);font-size:.875em}' +
  'p{margin:0 0 var(--vouch-space)}';
