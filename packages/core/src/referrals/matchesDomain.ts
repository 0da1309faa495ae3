/**
 * Whether `host` is one of `domains` or a subdomain of one (`deals.coupons.example`
 * matches `coupons.example`; `notcoupons.example` does not). Case, a trailing dot, a
 * port and a leading `www.` of `host` do not matter.
 */
export function matchesDomain(host: string, domains: Iterable<string>): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!name) return false;
  for (const entry of domains) {
    const domain = entry.trim().toLowerCase().replace(/\.$/, '');
    if (domain && (name === domain || name.endsWith(`.${domain}`))) return true;
  }
  return false;
}
