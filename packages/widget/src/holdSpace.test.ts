import { afterEach, describe, expect, it } from 'vitest';
import { holdSpace } from './holdSpace.js';

afterEach(() => {
  for (const element of Array.from(document.body.children)) element.remove();
});

describe('holdSpace', () => {
  it('holds the reserve with a placeholder and its sheets, and takes them away once', () => {
    const element = document.body.appendChild(document.createElement('div'));
    const release = holdSpace(element, '10em', {}, 'n');
    const shadowRoot = element.shadowRoot as ShadowRoot;
    expect(shadowRoot.querySelectorAll('[data-vouch-reserve]')).toHaveLength(1);
    const sheets = shadowRoot.adoptedStyleSheets.length;
    expect(sheets).toBeGreaterThan(0);
    release();
    release();
    expect(shadowRoot.childNodes).toHaveLength(0);
    expect(shadowRoot.adoptedStyleSheets).toHaveLength(0);
  });

  it('adds no placeholder under markup rendered on the server, which already holds the space', () => {
    const element = document.body.appendChild(document.createElement('div'));
    const served = element.attachShadow({ mode: 'open' });
    served.innerHTML = '<div data-vouch-root data-vouch-reserve data-vouch-ssr><p>4.8</p></div>';
    const release = holdSpace(element, '10em');
    expect(served.querySelectorAll('[data-vouch-reserve]')).toHaveLength(1);
    expect(served.firstElementChild?.hasAttribute('data-vouch-ssr')).toBe(true);
    release();
    expect(served.textContent).toBe('4.8');
  });
});
