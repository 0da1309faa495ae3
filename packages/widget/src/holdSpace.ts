import { adoptStyles } from './styles/adoptStyles.js';
import { baseStyles } from './styles/baseStyles.js';
import { reserveStyles } from './styles/reserveStyles.js';
import { type ThemeValues, themeStyles } from './styles/themeStyles.js';

/**
 * Holds `reserve` of block size on `element` while a widget's code loads: an open shadow
 * root (kept for the widget) with the base, theme and reserve sheets and an empty
 * placeholder, which the page sees as the widget's box at the size it will have; markup
 * rendered on the server (a declarative shadow root) already is that box, so it gets no
 * placeholder, which would add the reserve below it. Returns
 * the function that takes the placeholder and its sheets away again (once, however often
 * it is called); the mount machinery calls it just after the widget rendered, in the same
 * task, so that no frame shows the page without either.
 */
export function holdSpace(
  element: Element,
  reserve: string,
  theme: ThemeValues = {},
  nonce?: string,
): () => void {
  const shadowRoot = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const removeStyles = adoptStyles(
    shadowRoot,
    [baseStyles(), themeStyles(theme), reserveStyles(reserve)],
    nonce,
  );
  const placeholder = shadowRoot.ownerDocument.createElement('div');
  placeholder.setAttribute('data-vouch-reserve', '');
  if (!shadowRoot.firstChild) shadowRoot.append(placeholder);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    placeholder.remove();
    removeStyles();
  };
}
