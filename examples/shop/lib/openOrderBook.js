import { randomBytes, randomInt } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * @typedef {object} Customer A shopper as the shop knows them (one per e-mail address).
 * @property {string} id The shop's own customer id (`cus_…`), stable for that e-mail.
 * @property {string} email
 * @property {string} name
 * @property {string} createdAt
 */

/**
 * @typedef {object} OrderLine
 * @property {string} sku
 * @property {number} quantity
 */

/**
 * @typedef {object} Confirmation What vouch answered when the shop confirmed the order.
 * @property {string} at When the answer came.
 * @property {string} [status] The conversion's status (`none`, `attributed`, `review`, …).
 * @property {string} [error] Why vouch refused it for good (never retried).
 */

/**
 * @typedef {object} Order Amounts in pence.
 * @property {string} id `LL-` and six digits.
 * @property {string} customerId
 * @property {string} email
 * @property {string} name
 * @property {OrderLine[]} items
 * @property {number} subtotal
 * @property {number} discount
 * @property {number} total
 * @property {string | null} coupon The discount code used, upper case.
 * @property {string} createdAt
 * @property {Confirmation | null} confirmation Null until vouch has answered.
 */

/**
 * @typedef {object} OrderBook The shop's customers and orders.
 * @property {(email: string, name: string) => Customer} customerFor The customer with
 *   this e-mail (compared case-insensitively), created on first sight.
 * @property {(code: string) => boolean} couponUsed Whether an order used this code.
 * @property {(order: Omit<Order, 'id' | 'createdAt' | 'confirmation'>) => Order} addOrder
 *   Records an order under a fresh id. Callers check the coupon first in the same tick,
 *   so two orders can never both use one code.
 * @property {(id: string, confirmation: Confirmation) => void} confirm
 * @property {(id: string) => Order | undefined} findOrder
 * @property {() => Order[]} unconfirmed Orders vouch has not answered yet.
 * @property {() => Promise<void>} saved Resolves when every change so far is on disk.
 */

/**
 * Opens the order book kept in `file` (JSON, written whole to a temporary file and
 * renamed, so a crash leaves the last good copy), or an in-memory one without `file`.
 * @param {{ file?: string }} [options]
 * @returns {Promise<OrderBook>}
 */
export async function openOrderBook({ file } = {}) {
  return file ? createOrderBook(await load(file), file) : createOrderBook();
}

/**
 * An order book over `data`, saved to `file` after each change when one is given.
 * @param {{ customers: Customer[], orders: Order[] }} [data]
 * @param {string} [file]
 * @returns {OrderBook}
 */
export function createOrderBook(data = { customers: [], orders: [] }, file = undefined) {
  const customersByEmail = new Map(data.customers.map((c) => [c.email.toLowerCase(), c]));
  const ordersById = new Map(data.orders.map((order) => [order.id, order]));
  const usedCoupons = new Set(data.orders.flatMap((order) => (order.coupon ? [order.coupon] : [])));
  let writing = Promise.resolve();

  const save = () => {
    if (!file) return;
    const snapshot = JSON.stringify(data, null, 2);
    // Each write waits for the one before, so an older snapshot never lands last; a
    // failed write is logged and reported by `saved()`, and the next change writes it all.
    writing = writing
      .catch(() => {})
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, snapshot, { mode: 0o600 });
        await rename(temporary, file);
      });
    writing.catch((error) => console.error(`The shop could not save ${file}: ${error}`));
  };

  return {
    customerFor(email, name) {
      const key = email.toLowerCase();
      const known = customersByEmail.get(key);
      if (known) return known;
      const customer = {
        id: `cus_${randomBytes(9).toString('base64url')}`,
        email,
        name,
        createdAt: new Date().toISOString(),
      };
      customersByEmail.set(key, customer);
      data.customers.push(customer);
      save();
      return customer;
    },
    couponUsed: (code) => usedCoupons.has(code),
    addOrder(fields) {
      let id;
      do id = `LL-${String(randomInt(1_000_000)).padStart(6, '0')}`;
      while (ordersById.has(id));
      /** @type {Order} */
      const order = { id, ...fields, createdAt: new Date().toISOString(), confirmation: null };
      ordersById.set(id, order);
      data.orders.push(order);
      if (order.coupon) usedCoupons.add(order.coupon);
      save();
      return order;
    },
    confirm(id, confirmation) {
      const order = ordersById.get(id);
      if (!order) return;
      order.confirmation = confirmation;
      save();
    },
    findOrder: (id) => ordersById.get(id),
    unconfirmed: () => data.orders.filter((order) => order.confirmation === null),
    saved: () => writing,
  };
}

/** @param {string} file */
async function load(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') {
      return { customers: [], orders: [] };
    }
    throw error;
  }
  const parsed = JSON.parse(text);
  if (!Array.isArray(parsed?.customers) || !Array.isArray(parsed?.orders)) {
    throw new Error(`${file} is not the shop's order book (customers and orders expected)`);
  }
  return parsed;
}
