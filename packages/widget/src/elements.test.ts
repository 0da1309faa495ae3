import { afterEach, describe, expect, it, vi } from 'vitest';
import { WIDGET_NAMES } from './widgetNames.js';

afterEach(() => {
  vi.restoreAllMocks();
  for (const element of Array.from(document.body.children)) element.remove();
});

describe('@vouch/widget/elements', () => {
  it('registers nothing until it is imported, then one element per widget name', async () => {
    expect(customElements.get('vouch-nps')).toBeUndefined();
    await import('./elements.js');
    for (const name of WIDGET_NAMES) expect(customElements.get(`vouch-${name}`), name).toBeTruthy();
  });

  it('finds the site on an ancestor, and says when there is none', async () => {
    await import('./elements.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.innerHTML = '<vouch-share></vouch-share>';
    expect(warn).toHaveBeenCalledWith('[vouch] <vouch-share>:', 'no vouch client for this element');
    warn.mockClear();

    // With a site on an ancestor it mounts: the space it holds is there at once.
    document.body.innerHTML =
      '<div data-vouch-site="pk_elementsentry_0001"><vouch-share></vouch-share></div>';
    const element = document.querySelector('vouch-share') as HTMLElement;
    expect(element.shadowRoot?.querySelector('[data-vouch-reserve]')).toBeTruthy();
    expect(warn).not.toHaveBeenCalled();
  });
});
