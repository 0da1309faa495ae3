import { SAFE_VALUE } from './themeStyles.js';

/**
 * The sheet that holds a widget's space: each `[data-vouch-reserve]` element of the shadow
 * root (the widget's root, or the placeholder the mount machinery puts there while the
 * widget's code loads) is at least `reserve` tall. `reserve` is a CSS length in which `%`
 * is of the widget's width and `em` of its font size, so a reserve can grow as the widget
 * narrows and its lines wrap: `max(20em, calc(36em - 40%))`.
 *
 * A zero-width strut (`::before`, its padding as tall as the reserve) shares the element's
 * one grid cell with the widget's single top element, which is stretched to fill it: the
 * space is the widget's own, not a gap below it. Where the page holds more (a `min-height`
 * on the element, to keep the space before any script has run), the widget fills that
 * too. A root the widget left empty (nothing to show) holds nothing. An unsafe value gives
 * no sheet.
 */
export function reserveStyles(reserve: string): string {
  if (!reserve || !SAFE_VALUE.test(reserve)) return '';
  return `:host{display:flex;flex-direction:column}
[data-vouch-reserve]{display:grid;flex:auto}
[data-vouch-reserve]::before{content:"";grid-area:1/1;padding-top:${reserve}}
[data-vouch-reserve]>*{grid-area:1/1;min-width:0}
[data-vouch-root]:empty{display:none}`;
}
