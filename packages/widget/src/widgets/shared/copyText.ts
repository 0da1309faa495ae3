/**
 * Copies `text` to the clipboard: through the Clipboard API where the page may use it,
 * else through the older `execCommand('copy')` on `field`, selected first. Resolves to
 * false when neither worked; `field` is then left selected, so the shopper can copy it by
 * hand (the message they hear says how).
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API, an insecure page, or a denied permission: try the old way.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return field.ownerDocument.execCommand('copy');
  } catch {
    return false;
  }
}
