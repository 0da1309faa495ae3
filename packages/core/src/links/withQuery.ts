const nameOf = (pair: string) => {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
};

/**
 * `url` (already checked to be absolute) with the parameters `added` appended, encoded,
 * after removing every parameter whose lowercased, decoded name `removes` accepts. Every
 * other parameter is kept byte for byte, as written (a shop's `a=b+c` stays so), and so
 * is the fragment.
 */
export function withQuery(
  url: string,
  added: readonly (readonly [string, string])[],
  removes: (name: string) => boolean,
): string {
  const link = new URL(url);
  const kept = link.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !removes(nameOf(pair).toLowerCase()));
  link.search = [
    ...kept,
    ...added.map(([name, value]) => `${name}=${encodeURIComponent(value)}`),
  ].join('&');
  return link.href;
}
