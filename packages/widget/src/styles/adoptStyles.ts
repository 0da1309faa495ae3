/**
 * Adds style sheets to a shadow root: constructable sheets through `adoptedStyleSheets`
 * where the browser has them (no inline style for a CSP to refuse), else `<style>`
 * elements carrying `nonce`. Returns the function that takes exactly those away again.
 */
export function adoptStyles(
  root: ShadowRoot,
  sheets: readonly string[],
  nonce?: string,
): () => void {
  const texts = sheets.filter(Boolean);
  const view = root.ownerDocument.defaultView;
  const Sheet = view?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root && typeof Sheet.prototype.replaceSync === 'function') {
    const adopted = texts.map((text) => {
      const sheet = new Sheet();
      sheet.replaceSync(text);
      return sheet;
    });
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...adopted];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => !adopted.includes(sheet));
    };
  }
  const elements = texts.map((text) => {
    const style = root.ownerDocument.createElement('style');
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = text;
    return style;
  });
  root.prepend(...elements);
  return () => {
    for (const style of elements) style.remove();
  };
}
