/** What the loader reads from its own `<script>` element. */
export interface ScriptSettings {
  /** The site key from `data-site`. */
  site?: string | undefined;
  /** `data-endpoint`, else the origin of the script's own `src`; no trailing slash. */
  endpoint: string;
  /** `data-nonce`, else the script's own nonce: used for `<style>` fallbacks. */
  nonce?: string | undefined;
}

/** Reads the loader's settings from its script element (none when it has no element). */
export function readScriptSettings(script: Element | null): ScriptSettings {
  const read = (name: string) => script?.getAttribute(name) || undefined;
  // `src` as a property is absolute, resolved against the page.
  const src = (script as HTMLScriptElement | null)?.src;
  const endpoint = read('data-endpoint') ?? (src ? new URL(src).origin : '');
  return {
    site: read('data-site'),
    endpoint: endpoint.replace(/\/+$/, ''),
    nonce: read('data-nonce') ?? ((script as HTMLScriptElement | null)?.nonce || undefined),
  };
}
