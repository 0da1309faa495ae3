import { controlStyles } from '../shared/controlStyles.js';

/**
 * The sheet of what follows a score in the NPS prompt: the comment box, the contact
 * checkbox (at least 24×24 CSS px, WCAG 2.5.8), the Send button and the thanks with its
 * testimonial link and a promoter's share buttons. Added to the widget's shadow root when
 * the follow-up loads; colours come from `--vouch-*` tokens only.
 */
export const npsFollowUpStyles =
  controlStyles +
  'textarea{display:block;width:100%;margin:0 0 .5em;padding:.5em .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-background);resize:vertical}' +
  '.vouch-muted{color:var(--vouch-color-muted);font-weight:400}' +
  '.vouch-check{display:flex;align-items:center;gap:.5em;font-weight:400;margin-bottom:.5em}' +
  '.vouch-check input{flex:none;width:1.5em;height:1.5em;margin:0}' +
  '.vouch-link{color:var(--vouch-color-focus);font-weight:600}' +
  '.vouch-channels{display:flex;flex-wrap:wrap;gap:.5em;margin:0;padding:0;list-style:none}' +
  '.vouch-channel{display:inline-block;min-height:2.5em;padding:.5em 1em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-surface);color:var(--vouch-color-text);text-decoration:none;font-weight:600}' +
  'h3{margin:0 0 .5em;font-size:1em}';
