import { shareIcons } from './shareIcons.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The icon of a share button (decorative: the button's words name it), built element by
 * element: markup from a string would be refused by a page that enforces Trusted Types.
 */
export function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  for (const [key, value] of [
    ['viewBox', '0 0 24 24'],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ] as const)
    svg.setAttribute(key, value);
  path.setAttribute('d', shareIcons[name] ?? '');
  svg.append(path);
  return svg;
}
