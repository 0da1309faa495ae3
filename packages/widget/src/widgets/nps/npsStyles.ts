/**
 * The `nps` widget's sheet as it appears: the card, the question, the close button and the
 * scale (what follows a score brings its own sheet, `npsFollowUpStyles`). The host is fixed
 * to the bottom corner of the viewport, so the prompt overlays the page and shifts nothing;
 * its width and height are capped so that it never covers a small screen, and it scrolls
 * inside when its content is taller. It slides in only for shoppers who allow motion.
 * Scores and the close button are at least 24×24 CSS px (WCAG 2.5.8); colours come from
 * `--vouch-*` tokens only.
 */
export const npsStyles =
  ':host{position:fixed;bottom:0;inset-inline-end:0;z-index:var(--vouch-z-index);pointer-events:none}' +
  'p{margin:0 0 var(--vouch-space)}' +
  '.vouch-nps{pointer-events:auto;position:relative;width:min(26em,calc(100vw - 2*var(--vouch-space)));max-height:min(36em,70vh);overflow:auto;margin:var(--vouch-space);padding:var(--vouch-space);border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius);background:var(--vouch-color-background);box-shadow:var(--vouch-shadow)}' +
  '.vouch-title{font-weight:700;margin-inline-end:2.5em}' +
  '.vouch-close{position:absolute;top:.25em;inset-inline-end:.25em;width:2.75em;height:2.75em;border:0;border-radius:var(--vouch-radius);background:none;color:var(--vouch-color-muted);line-height:1}' +
  '.vouch-close span{font-size:1.5em}' +
  '.vouch-scale{display:flex;gap:.125em}' +
  // On the narrowest phones (320 CSS px) eleven 24px scores need the card's side space.
  '@media (max-width:22.5em){.vouch-nps{width:calc(100vw - var(--vouch-space));margin:calc(var(--vouch-space)/2);padding-inline:.5em}}' +
  '.vouch-scale button{flex:1 1 0;min-width:1.5em;min-height:2.5em;padding:0;border:1px solid var(--vouch-color-muted);border-radius:calc(var(--vouch-radius)/2);background:var(--vouch-color-surface);font-weight:600}' +
  '.vouch-scale [aria-checked=true]{background:var(--vouch-color-accent);border-color:var(--vouch-color-accent);color:var(--vouch-color-accent-text)}' +
  '.vouch-anchors{display:flex;justify-content:space-between;gap:1em;margin-top:.25em;color:var(--vouch-color-muted);font-size:.875em}' +
  '@media (prefers-reduced-motion:no-preference){.vouch-nps{animation:vouch-in .25s ease-out}}' +
  '@keyframes vouch-in{from{opacity:0;transform:translateY(1em)}}';
