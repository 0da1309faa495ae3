/**
 * @typedef {object} VouchLink How the shop's server reaches vouch, server to server.
 * @property {string} endpoint The vouch server's URL (`https://vouch.shop.example`).
 * @property {string} secretKey The site's secret key (`sk_…`): never sent to a browser.
 */

/**
 * Confirms a placed order to vouch with the secret key, as a merchant's backend does
 * once the payment is taken: `POST /v1/conversions` from a server is a verified
 * conversion, so a referrer's reward for it can be approved without a person looking.
 * The browser reports the same order from the thank-you page with what only it knows
 * (the referral it landed with); vouch keeps one conversion per `orderId`.
 *
 * Resolves with what to record: vouch's answer, a refusal for good (a 4xx other than
 * 429: sending it again cannot help), or null when it should be tried again later
 * (network down, 429, 5xx).
 * @param {VouchLink} link
 * @param {import('./openOrderBook.js').Order} order
 * @returns {Promise<import('./openOrderBook.js').Confirmation | null>}
 */
export async function confirmOrder(link, order) {
  const body = {
    orderId: order.id,
    amount: order.total / 100,
    currency: 'GBP',
    email: order.email,
    ...(order.coupon ? { coupon: order.coupon } : {}),
    customer: { id: order.customerId, email: order.email, name: order.name },
  };
  let response;
  try {
    response = await fetch(new URL('/v1/conversions', link.endpoint), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${link.secretKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return null;
  }
  const answer = await response.json().catch(() => null);
  const at = new Date().toISOString();
  if (response.ok) return { at, status: String(answer?.status ?? 'unknown') };
  if (response.status === 429 || response.status >= 500) return null;
  return { at, error: `${response.status} ${answer?.error?.message ?? response.statusText}` };
}
