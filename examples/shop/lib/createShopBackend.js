import { identityHash } from '@vouch/server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { priceOrder } from '../public/assets/cart.js';
import { findProduct } from '../public/assets/catalog.js';
import { confirmOrder } from './confirmOrder.js';

/**
 * @typedef {object} ShopBackendOptions
 * @property {import('./openOrderBook.js').OrderBook} orders Where customers and orders go.
 * @property {{ codes: Set<string>, percentOff: number }[]} [coupons] The discount codes the
 *   shop honours (its coupon exports, one per discount). Default: none
 * @property {() => import('./confirmOrder.js').VouchLink | undefined} [vouch] How to reach
 *   vouch with the secret key, asked at each order (the port is known only once the
 *   server listens). Without it orders are not confirmed and identities carry no hash.
 */

// The address check of vouch's own schema, so that an order the shop accepts is never
// refused by vouch for its e-mail.
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_LINES = 20;
const MAX_QUANTITY = 20;

/**
 * @param {string} field
 * @param {string} message
 */
function invalid(field, message) {
  return { error: { code: 'invalid', field, message: `${field}: ${message}` } };
}

/**
 * Checks an order request; returns the order's fields or the first problem, by field.
 * @param {unknown} body
 */
function readOrderRequest(body) {
  if (typeof body !== 'object' || body === null) return invalid('body', 'must be an object');
  const { email, name, items, coupon } = /** @type {Record<string, unknown>} */ (body);
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email.trim())) {
    return invalid('email', 'must be an e-mail address');
  }
  if (typeof name !== 'string' || !name.trim() || name.length > 200) {
    return invalid('name', 'must be 1 to 200 characters');
  }
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_LINES) {
    return invalid('items', `must list 1 to ${MAX_LINES} soaps`);
  }
  /** @type {Map<string, number>} */
  const lines = new Map();
  for (const [index, item] of items.entries()) {
    if (!findProduct(item?.sku)) return invalid(`items.${index}.sku`, 'is not a soap we sell');
    const quantity = item.quantity;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      return invalid(`items.${index}.quantity`, `must be a whole number from 1 to ${MAX_QUANTITY}`);
    }
    lines.set(item.sku, Math.min((lines.get(item.sku) ?? 0) + quantity, MAX_QUANTITY));
  }
  if (coupon !== undefined && coupon !== null && coupon !== '' && typeof coupon !== 'string') {
    return invalid('coupon', 'must be text');
  }
  return {
    value: {
      email: email.trim(),
      name: name.trim(),
      items: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
      coupon: typeof coupon === 'string' && coupon.trim() ? coupon.trim().toUpperCase() : null,
    },
  };
}

/**
 * The shop's own server API, mounted at `/api` beside its pages: what a shop platform's
 * checkout does, reduced to what the referral loop needs.
 *
 * - `GET /api/coupons/:code`: whether the checkout will honour a discount code.
 * - `POST /api/orders` `{ email, name, items: [{ sku, quantity }], coupon? }`: prices the
 *   order on the server, takes the single-use code, keeps the customer (one id per
 *   e-mail), confirms the order to vouch with the secret key, and answers the order with
 *   the customer's identity for `vouch('identify', …)`: its `hash` is the HMAC that only
 *   a server holding the secret key can compute.
 *
 * Errors are `{ error: { code, field?, message } }`: 400 for a bad field, 409 for a
 * code already used, 413 for a body over 16 KiB.
 * @param {ShopBackendOptions} options
 */
export function createShopBackend({ orders, coupons, vouch = () => undefined }) {
  const app = new Hono();

  /** @param {string} code */
  const checkCoupon = (code) => {
    const pool = coupons?.find((pool) => pool.codes.has(code));
    if (!pool) return { valid: false, message: 'This code is not valid.' };
    if (orders.couponUsed(code)) {
      return { valid: false, used: true, message: 'This code has already been used.' };
    }
    return { valid: true, percentOff: pool.percentOff };
  };

  /** Confirms every order vouch has not answered yet (on start); resolves when all were tried. */
  const confirmPending = async () => {
    const link = vouch();
    if (!link) return;
    for (const order of orders.unconfirmed()) {
      const confirmation = await confirmOrder(link, order);
      if (confirmation) orders.confirm(order.id, confirmation);
    }
  };

  app.get('/coupons/:code', (c) => {
    const code = c.req.param('code').trim().toUpperCase();
    return c.json({ code, ...checkCoupon(code) });
  });

  app.post(
    '/orders',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) =>
        c.json({ error: { code: 'too_large', message: 'The order is over 16 KiB.' } }, 413),
    }),
    async (c) => {
      const body = await c.req.json().catch(() => undefined);
      const request = readOrderRequest(body);
      if ('error' in request) return c.json(request, 400);
      const { email, name, items, coupon } = request.value;
      // From the coupon check to the order's record nothing awaits, so two orders can
      // never both take one single-use code.
      const offer = coupon ? checkCoupon(coupon) : { valid: true, percentOff: 0 };
      if (!offer.valid) {
        const code = offer.used ? 'coupon_used' : 'coupon_invalid';
        return c.json(
          { error: { code, field: 'coupon', message: offer.message } },
          offer.used ? 409 : 400,
        );
      }
      const customer = orders.customerFor(email, name);
      const price = priceOrder(items, offer.percentOff);
      const order = orders.addOrder({
        customerId: customer.id,
        email,
        name,
        items,
        subtotal: price.subtotal,
        discount: price.discount,
        total: price.total,
        coupon,
      });
      // Confirmed before the answer, so the thank-you page's report of the same order
      // finds it verified. Orders vouch could not take now are tried again on next start.
      const link = vouch();
      const confirmation = link ? await confirmOrder(link, order) : null;
      if (confirmation) orders.confirm(order.id, confirmation);
      await orders.saved();
      return c.json(
        {
          order: { ...order, currency: 'GBP' },
          customer: {
            id: customer.id,
            email,
            name,
            ...(link ? { hash: identityHash(link.secretKey, customer.id) } : {}),
          },
        },
        201,
      );
    },
  );

  app.all('*', (c) =>
    c.json({ error: { code: 'not_found', message: 'No such shop API route.' } }, 404),
  );

  return { app, confirmPending };
}
