import { describe, expect, it } from 'vitest';
import { themeStyles } from './themeStyles.js';

describe('themeStyles', () => {
  it('turns a site theme into --vouch-* custom properties on :host', () => {
    expect(themeStyles({ 'color-accent': '#0a7', radius: '4px' })).toBe(
      ':host{--vouch-color-accent:#0a7;--vouch-radius:4px;}',
    );
    expect(themeStyles({})).toBe('');
  });

  it('skips entries that could break out of the rule', () => {
    expect(
      themeStyles({
        'color-accent': 'red;}body{display:none',
        'Bad Token': 'red',
        font: 'x</style><script>',
        'font-size': '\\3b',
        radius: '2px',
      }),
    ).toBe(':host{--vouch-radius:2px;}');
  });
});
