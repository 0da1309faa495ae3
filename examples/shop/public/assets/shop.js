import {
  addToCart,
  describeCart,
  placeOrder,
  readCart,
  readLastOrder,
  setQuantity,
} from './cart.js';
import { formatPrice } from './catalog.js';

// The page's own storage, wrapped so a blocked storage (it throws on access) still
// gives a working page.
function storageOr(name) {
  try {
    return window[name];
  } catch {
    const memory = new Map();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => memory.set(key, value),
      removeItem: (key) => memory.delete(key),
    };
  }
}

const local = storageOr('localStorage');
const session = storageOr('sessionStorage');

function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function showCount() {
  const { count } = describeCart(readCart(local));
  for (const badge of document.querySelectorAll('[data-cart-count]')) {
    badge.textContent = String(count);
    // "Cart 2" read aloud is a riddle; the link says what the number means.
    badge
      .closest('a')
      ?.setAttribute('aria-label', `Cart, ${count} ${count === 1 ? 'item' : 'items'}`);
  }
}

function wireProduct(form) {
  const status = form.querySelector('[role="status"]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const quantity = Number(new FormData(form).get('quantity'));
    addToCart(local, form.dataset.sku, quantity);
    showCount();
    status.textContent = `Added ${quantity} × ${form.dataset.name} to your cart.`;
  });
}

function summaryList(lines) {
  return el(
    'ul',
    {},
    lines.map((line) =>
      el('li', {}, [
        el('span', { textContent: `${line.quantity} × ${line.name}` }),
        el('span', { textContent: formatPrice(line.total) }),
      ]),
    ),
  );
}

function renderCart(root) {
  const { lines, total } = describeCart(readCart(local));
  if (lines.length === 0) {
    root.replaceChildren(
      el('p', { textContent: 'Your cart is empty. ' }, [
        el('a', { href: '/', textContent: 'Find a soap you like' }),
      ]),
    );
    return;
  }
  const rows = lines.map((line) => {
    const input = el('input', {
      type: 'number',
      min: '0',
      max: '20',
      value: String(line.quantity),
      id: `qty-${line.sku}`,
    });
    input.addEventListener('change', () => {
      setQuantity(local, line.sku, input.value);
      update(root);
    });
    const remove = el('button', {
      type: 'button',
      className: 'link-button',
      textContent: 'Remove',
    });
    remove.setAttribute('aria-label', `Remove ${line.name}`);
    remove.addEventListener('click', () => {
      setQuantity(local, line.sku, 0);
      update(root);
    });
    return el('tr', {}, [
      el('td', {}, [el('a', { href: line.url, textContent: line.name })]),
      el('td', { className: 'num', textContent: formatPrice(line.price) }),
      el('td', {}, [
        el('label', {
          htmlFor: input.id,
          className: 'visually-hidden',
          textContent: `Quantity of ${line.name}`,
        }),
        input,
      ]),
      el('td', { className: 'num', textContent: formatPrice(line.total) }),
      el('td', {}, [remove]),
    ]);
  });
  const head = ['Soap', 'Price', 'Quantity', 'Total', 'Actions'].map((name, i) =>
    el('th', { scope: 'col', className: i === 1 || i === 3 ? 'num' : '', textContent: name }),
  );
  root.replaceChildren(
    el('table', { className: 'cart-table' }, [
      el('caption', { className: 'visually-hidden', textContent: 'Soaps in your cart' }),
      el('thead', {}, [el('tr', {}, head)]),
      el('tbody', {}, rows),
    ]),
    el('div', { className: 'cart-actions' }, [
      el('p', { className: 'total', textContent: `Subtotal: ${formatPrice(total)}` }),
      el('a', { className: 'button', href: '/checkout/', textContent: 'Go to checkout' }),
    ]),
  );
}

function update(root) {
  renderCart(root);
  showCount();
}

function wireCheckout(form, summary) {
  const { lines, total } = describeCart(readCart(local));
  if (lines.length === 0) {
    summary.replaceChildren(
      el('p', { textContent: 'Your cart is empty. ' }, [
        el('a', { href: '/', textContent: 'Back to the shop' }),
      ]),
    );
    form.querySelector('button[type="submit"]').disabled = true;
    return;
  }
  summary.replaceChildren(
    summaryList(lines),
    el('p', { className: 'total', textContent: `Total: ${formatPrice(total)}` }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const random = () => crypto.getRandomValues(new Uint32Array(1))[0];
    const order = placeOrder(
      local,
      session,
      { email: data.get('email'), name: data.get('name') },
      random,
    );
    location.assign(`/thank-you/?order=${encodeURIComponent(order.id)}`);
  });
}

function showReceipt(root) {
  const order = readLastOrder(session);
  if (!order) return;
  const { lines, total } = describeCart(order.items);
  root.replaceChildren(
    el('p', {
      textContent: `Order ${order.id} is confirmed. A receipt is on its way to ${order.email}.`,
    }),
    summaryList(lines),
    el('p', { className: 'total', textContent: `Total: ${formatPrice(total)}` }),
  );
}

showCount();
const addForm = document.querySelector('form[data-add-to-cart]');
if (addForm) wireProduct(addForm);
const cart = document.querySelector('[data-cart]');
if (cart) renderCart(cart);
const checkout = document.querySelector('form[data-checkout]');
if (checkout) wireCheckout(checkout, document.querySelector('[data-order-summary]'));
const receipt = document.querySelector('[data-receipt]');
if (receipt) showReceipt(receipt);
