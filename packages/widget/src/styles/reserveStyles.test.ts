import { describe, expect, it } from 'vitest';
import { reserveStyles } from './reserveStyles.js';

describe('reserveStyles', () => {
  it('holds the reserve with a strut in one grid cell, which the widget fills', () => {
    const css = reserveStyles('max(20em, calc(36em - 40%))');
    expect(css).toContain(
      '[data-vouch-reserve]::before{content:"";grid-area:1/1;padding-top:max(20em, calc(36em - 40%))}',
    );
    expect(css).toContain('[data-vouch-reserve]{display:grid;flex:auto}');
    expect(css).toContain('[data-vouch-reserve]>*{grid-area:1/1;min-width:0}');
    // The host is a column the root fills: a page that holds more space is filled too.
    expect(css).toContain(':host{display:flex;flex-direction:column}');
    // A widget with nothing to show gives the space back.
    expect(css).toContain('[data-vouch-root]:empty{display:none}');
  });

  it('gives no sheet for a value that could break out of its rule', () => {
    for (const bad of ['', '1em}:host{display:none', '1em;color:red', '<style>', 'a\\b']) {
      expect(reserveStyles(bad)).toBe('');
    }
  });
});
