/**
 * Every theme token with its default: `color-accent` is the custom property
 * `--vouch-color-accent`. Sizes are px or em, never rem, so the shop's root font size
 * changes nothing. A site's theme (its config) and the page's own CSS on the widget's
 * element override them.
 */
export const themeDefaults = {
  'color-text': '#1f2328',
  'color-muted': '#59636e',
  'color-background': '#ffffff',
  'color-surface': '#f6f8fa',
  'color-border': '#d1d9e0',
  'color-accent': '#1f6feb',
  'color-accent-text': '#ffffff',
  'color-focus': '#0969da',
  'color-danger': '#cf222e',
  'color-success': '#1a7f37',
  'color-star': '#bf8700',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size': '16px',
  'line-height': '1.5',
  radius: '8px',
  space: '0.75em',
  shadow: '0 4px 16px rgba(0, 0, 0, 0.16)',
  'z-index': '2147483000',
} as const;

/** The name of a theme token, without the `--vouch-` prefix. */
export type ThemeToken = keyof typeof themeDefaults;
