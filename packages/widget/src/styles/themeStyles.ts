/** The shape of a site theme: token name (without `--vouch-`) → CSS value. */
export type ThemeValues = Readonly<Record<string, string>>;

// Same rules as the core `themeSchema`, checked again here because npm users pass themes
// directly: a value must not be able to close the rule and start another.
const TOKEN = /^[a-z][a-z0-9-]{0,40}$/;
/** A CSS value that cannot close its rule and start another (nor its `<style>`). */
export const SAFE_VALUE = /^[^;{}<>\\]{0,200}$/;

/** A site theme as a `:host` rule of `--vouch-*` custom properties; unsafe entries skipped. */
export function themeStyles(theme: ThemeValues): string {
  const declarations = Object.entries(theme)
    .filter(
      ([token, value]) => TOKEN.test(token) && typeof value === 'string' && SAFE_VALUE.test(value),
    )
    .map(([token, value]) => `--vouch-${token}:${value};`)
    .join('');
  return declarations ? `:host{${declarations}}` : '';
}
