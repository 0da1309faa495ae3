/**
 * The `review-form` sheet, themed by `--vouch-*` tokens only and written in logical
 * properties (right-to-left pages mirror it). Every control is at least 2.5em tall (the
 * stars and the checkbox 2.75em and 1.5em squares in a larger label), so targets are over
 * 24px; borders of controls use the muted text colour (3:1 against the background). The
 * radio buttons are drawn as stars: outlined in the muted colour, filled up to the one
 * chosen (a change of shape, not of colour alone), with a ring where focused.
 * Nothing moves on its own, so reduced motion has nothing to stop.
 */
export const reviewFormStyles =
  '.vouch-form,.vouch-field,fieldset{display:flex;flex-direction:column;gap:.25em}' +
  '.vouch-form{gap:.5em}' +
  'h2,p{margin:0;line-height:1.25}h2{font-size:1.25em}' +
  'fieldset{margin:0;padding:0;border:0}' +
  'label,legend{font-weight:600;padding:0}' +
  '.vouch-hint{color:var(--vouch-color-muted);font-size:.875em}' +
  '.vouch-error{color:var(--vouch-color-danger);font-weight:600}.vouch-error:empty{display:none}' +
  'input,textarea{min-height:2.5em;padding:.5em .75em;border:1px solid var(--vouch-color-muted);border-radius:var(--vouch-radius);background:var(--vouch-color-background)}' +
  'textarea{resize:vertical}' +
  '[aria-invalid]{border-color:var(--vouch-color-danger);border-width:2px}' +
  '.vouch-stars{display:flex}' +
  '.vouch-stars label{display:grid;place-items:center;width:2.75em;height:2.75em;font-size:1.5em;line-height:1;color:transparent;-webkit-text-stroke:.06em var(--vouch-color-muted);cursor:pointer}' +
  '.vouch-stars label:has(~label input:checked),.vouch-stars label:has(input:checked){color:var(--vouch-color-star);-webkit-text-stroke-color:var(--vouch-color-star)}' +
  '.vouch-stars label:has(:focus-visible){outline:2px solid var(--vouch-color-focus)}' +
  '.vouch-stars input,.vouch-sr{position:absolute;width:1px;height:1px;margin:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '.vouch-check{display:flex;align-items:start;gap:.5em}' +
  '.vouch-check input{flex:none;width:1.5em;height:1.5em;min-height:0;margin:0}' +
  '.vouch-trap{position:absolute;top:-1e4px;width:1px;height:1px;overflow:hidden}' +
  '.vouch-button{align-self:start;min-height:2.5em;padding:.5em 1em;border:0;border-radius:var(--vouch-radius);background:var(--vouch-color-accent);color:var(--vouch-color-accent-text);font-weight:600}' +
  '[aria-disabled]{opacity:.6}' +
  '.vouch-strong{font-weight:700;font-size:1.125em}' +
  '.vouch-done{display:flex;flex-direction:column;gap:.5em;padding:var(--vouch-space);border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius)}' +
  '.vouch-link{min-height:1.5em;padding:0;border:0;background:none;color:var(--vouch-color-accent);text-decoration:underline}';
