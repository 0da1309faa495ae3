// One DNS label: letters, digits and inner hyphens, at most 63 characters.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The Mastodon (or other fediverse) server a shopper typed, as the host of a URL:
 * `Mastodon.Social` → `mastodon.social`, `social.example:8443` stays so, and an
 * international name becomes its `xn--` form. Surrounding spaces are ignored. `null` when
 * the value is not a host name with an optional port: a scheme (`https://…`), a path, a
 * query, a fragment, user info (`me@…`) or an IP-v6 literal are all refused, so the value
 * cannot move the share to another page or server than the one named.
 */
export function mastodonInstance(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const typed = value.trim().toLowerCase();
  const parts = /^([^\s/\\?#@:[\]%]+)(?::(\d{1,5}))?$/.exec(typed);
  if (!parts) return null;
  const [, name = '', port] = parts;
  let hostname: string;
  try {
    // The URL parser turns an international name into its ASCII (punycode) form.
    hostname = new URL(`https://${name}/`).hostname;
  } catch {
    return null;
  }
  if (hostname.length > 253 || !hostname.split('.').every((label) => LABEL.test(label))) {
    return null;
  }
  if (port === undefined) return hostname;
  const number = Number(port);
  return number >= 1 && number <= 65535 ? `${hostname}:${number}` : null;
}
