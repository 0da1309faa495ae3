/**
 * The `testimonials` wall's sheet, themed by `--vouch-*` tokens only. The wall fills the
 * block size it holds (`testimonialsReserve`): the heading and the sort control stay at
 * the top, the loading line, the empty line and the alert take the middle. Cards sit in
 * as many columns of at least 17em as fit; what "Load more" brings grows the wall below.
 * Controls are at least 2.5em tall, their borders in the muted text colour (3:1 against
 * the background); nothing moves on its own, so reduced motion has nothing to stop.
 */
export const testimonialsStyles =
  '.vouch-wall{display:flex;flex-direction:column;gap:var(--vouch-space)}' +
  '.vouch-wall>[role=status],.vouch-wall>[role=alert],.vouch-none{margin-block:auto;text-align:center}' +
  'h2,h3,p{margin:0;line-height:1.25}h2{font-size:1.25em}h3{font-size:1em}' +
  '.vouch-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5em}' +
  'label{font-weight:600}' +
  'select,.vouch-button{min-height:2.5em;padding:.25em .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  '.vouch-button{align-self:start;margin-top:.5em;font-weight:600}' +
  'ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,17em),1fr));gap:var(--vouch-space);margin:0;padding:0;list-style:none}' +
  'li{display:flex;flex-direction:column;gap:.5em;padding:var(--vouch-space);border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  'li p{line-height:inherit}' +
  '.vouch-stars{color:var(--vouch-color-star);letter-spacing:.05em;margin-inline-end:.5em}' +
  '.vouch-muted{color:var(--vouch-color-muted);font-size:.875em}' +
  '.vouch-badges{display:flex;flex-wrap:wrap;gap:.25em .5em}' +
  '.vouch-badge{padding:0 .5em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);font-size:.875em}' +
  '.vouch-title{font-weight:700}' +
  '.vouch-body{white-space:pre-line;overflow-wrap:anywhere}' +
  '.vouch-reply{padding-inline-start:var(--vouch-space);border-inline-start:3px solid var(--vouch-color-border)}' +
  '.vouch-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';
