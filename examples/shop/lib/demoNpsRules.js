/**
 * The demo site's NPS rules, as a merchant would set them with
 * `PATCH /v1/admin/site { "nps": … }` or `vouch-server sites update --nps-rules '…'`:
 * ask on the thank-you page, a few seconds after the order is confirmed, and on product
 * pages of a visitor who is browsing (the second page view on), never on the cart or the
 * checkout; each visitor at most every 90 days after an answer, 30 after a dismissal.
 * @returns the rules, valid for `npsRulesSchema` of `@vouch/core`
 */
export function demoNpsRules() {
  return {
    include: ['/thank-you/*', '/products/*'],
    exclude: ['/cart/*', '/checkout/*'],
    delayMs: 4000,
    minPageViews: 2,
    resurveyDays: 90,
    dismissedDays: 30,
  };
}
