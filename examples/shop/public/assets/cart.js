import { findProduct } from './catalog.js';

const CART_KEY = 'lather-and-leaf:cart';
const ORDER_KEY = 'lather-and-leaf:last-order';
const MAX_QUANTITY = 20;

// Storage can throw (private modes, blocked cookies): the shop then keeps a cart for
// the current page only instead of breaking.
function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: see read().
  }
}

function clampQuantity(quantity) {
  const n = Math.floor(Number(quantity));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_QUANTITY) : 0;
}

/** The cart as `[{ sku, quantity }]`, keeping only known products and sane quantities. */
export function readCart(storage) {
  const items = read(storage, CART_KEY);
  if (!Array.isArray(items)) return [];
  return items
    .filter((item) => item && findProduct(item.sku))
    .map((item) => ({ sku: item.sku, quantity: clampQuantity(item.quantity) }))
    .filter((item) => item.quantity > 0);
}

/** Sets the quantity of one product (0 removes it) and returns the new cart. */
export function setQuantity(storage, sku, quantity) {
  const items = readCart(storage).filter((item) => item.sku !== sku);
  const n = clampQuantity(quantity);
  if (n > 0 && findProduct(sku)) items.push({ sku, quantity: n });
  write(storage, CART_KEY, items);
  return items;
}

/** Adds to the quantity already in the cart. */
export function addToCart(storage, sku, quantity) {
  const current = readCart(storage).find((item) => item.sku === sku)?.quantity ?? 0;
  return setQuantity(storage, sku, current + clampQuantity(quantity));
}

/** Cart lines with product facts and line totals, plus the count and the total. */
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

/** Turns the cart into an order, empties the cart and remembers the order for the receipt. */
export function placeOrder(storage, orderStorage, customer, random) {
  const order = {
    id: `LL-${String(random() % 1_000_000).padStart(6, '0')}`,
    email: customer.email,
    name: customer.name,
    items: readCart(storage),
  };
  write(orderStorage, ORDER_KEY, order);
  write(storage, CART_KEY, null);
  return order;
}

/** The order placed last in this tab, or null. */
export function readLastOrder(orderStorage) {
  const order = read(orderStorage, ORDER_KEY);
  return order && typeof order.id === 'string' && Array.isArray(order.items) ? order : null;
}
