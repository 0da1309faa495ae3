/**
 * Whether `url` matches an NPS page `pattern`: one starting with `/` is compared with
 * the path and query, any other with the whole URL without its fragment; `*` stands for
 * any run of characters (none included) and everything else is literal. The whole
 * string must match: `/products/*` matches `/products/sku-1` but not `/products`.
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const target = pattern.startsWith('/')
    ? parsed.pathname + parsed.search
    : parsed.href.slice(0, parsed.href.length - parsed.hash.length);
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(target);
}
