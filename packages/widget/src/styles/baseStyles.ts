import { themeDefaults } from './themeDefaults.js';

/**
 * The first sheet of every widget. `all: initial` on the host stops the page's inherited
 * styles (font, colour, letter-spacing…) at the shadow boundary; the page's selectors
 * cannot reach inside anyway, so `* { box-sizing: content-box }` there changes nothing.
 * Custom properties are not reset by `all`, which is how theming still gets in.
 */
export function baseStyles(): string {
  const tokens = Object.entries(themeDefaults)
    .map(([token, value]) => `--vouch-${token}:${value};`)
    .join('');
  return `:host{all:initial;display:block;${tokens}font-family:var(--vouch-font);font-size:var(--vouch-font-size);line-height:var(--vouch-line-height);color:var(--vouch-color-text);text-align:start;-webkit-text-size-adjust:100%}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button,input,select,textarea{font:inherit;color:inherit;letter-spacing:inherit}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--vouch-color-focus);outline-offset:2px}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation-duration:1ms!important;transition-duration:1ms!important}}`;
}
