import { findProduct } from './catalog.js';

const CART_KEY = 'lather-and-leaf:cart';
const ORDER_KEY = 'lather-and-leaf:last-order';
const MAX_QUANTITY = 20;

/**
 * @typedef {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>} KeyValueStore
 * @typedef {{ sku: string, quantity: number }} CartItem
 */

// Storage can throw (private modes, blocked cookies): the shop then keeps a cart for
// the current page only instead of breaking.
/**
 * @param {KeyValueStore} storage
 * @param {string} key
 */
function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * @param {KeyValueStore} storage
 * @param {string} key
 * @param {unknown} value null removes the key
 */
function write(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: see read().
  }
}

/** @param {unknown} quantity */
function clampQuantity(quantity) {
  const n = Math.floor(Number(quantity));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_QUANTITY) : 0;
}

/**
 * The cart as `[{ sku, quantity }]`, keeping only known products and sane quantities.
 * @param {KeyValueStore} storage
 * @returns {CartItem[]}
 */
export function readCart(storage) {
  const items = read(storage, CART_KEY);
  if (!Array.isArray(items)) return [];
  return items
    .filter((item) => item && findProduct(item.sku))
    .map((/** @type {{ sku: string, quantity: unknown }} */ item) => ({
      sku: item.sku,
      quantity: clampQuantity(item.quantity),
    }))
    .filter((item) => item.quantity > 0);
}

/**
 * Sets the quantity of one product (0 removes it) and returns the new cart.
 * @param {KeyValueStore} storage
 * @param {string} sku
 * @param {unknown} quantity
 */
export function setQuantity(storage, sku, quantity) {
  const items = readCart(storage).filter((item) => item.sku !== sku);
  const n = clampQuantity(quantity);
  if (n > 0 && findProduct(sku)) items.push({ sku, quantity: n });
  write(storage, CART_KEY, items);
  return items;
}

/**
 * Adds to the quantity already in the cart.
 * @param {KeyValueStore} storage
 * @param {string} sku
 * @param {unknown} quantity
 */
export function addToCart(storage, sku, quantity) {
  const current = readCart(storage).find((item) => item.sku === sku)?.quantity ?? 0;
  return setQuantity(storage, sku, current + clampQuantity(quantity));
}

/**
 * Cart lines with product facts and line totals, plus the count and the total.
 * @param {CartItem[]} items
 */
export function describeCart(items) {
  const lines = items.flatMap((item) => {
    const product = findProduct(item.sku);
    const quantity = clampQuantity(item.quantity);
    return product ? [{ ...product, quantity, total: product.price * quantity }] : [];
  });
  return {
    lines,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    total: lines.reduce((sum, line) => sum + line.total, 0),
  };
}

/**
 * What an order of `items` costs with a discount of `percentOff` (0 for none), in pence:
 * the same sums in the checkout's summary and on the shop's server, which alone decides.
 * @param {CartItem[]} items
 * @param {number} [percentOff]
 */
export function priceOrder(items, percentOff = 0) {
  const { lines, count, total: subtotal } = describeCart(items);
  const discount = Math.round((subtotal * percentOff) / 100);
  return { lines, count, subtotal, discount, total: subtotal - discount };
}

/**
 * Remembers the order the shop's server accepted (for the receipt) and empties the cart.
 * @param {KeyValueStore} storage
 * @param {KeyValueStore} orderStorage
 * @param {{ id: string, items: CartItem[] }} order
 */
export function keepOrder(storage, orderStorage, order) {
  write(orderStorage, ORDER_KEY, order);
  write(storage, CART_KEY, null);
}

/**
 * The order placed last in this tab, or null.
 * @param {KeyValueStore} orderStorage
 */
export function readLastOrder(orderStorage) {
  const order = read(orderStorage, ORDER_KEY);
  return order && typeof order.id === 'string' && Array.isArray(order.items) ? order : null;
}
