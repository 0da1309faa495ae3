import {
  addToCart,
  describeCart,
  keepOrder,
  priceOrder,
  readCart,
  readLastOrder,
  setQuantity,
} from './cart.js';
import { findProduct, formatPrice } from './catalog.js';

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

function priceList(price, coupon) {
  const rows = [
    el('li', {}, [
      el('span', { textContent: 'Subtotal' }),
      el('span', { textContent: formatPrice(price.subtotal) }),
    ]),
  ];
  if (price.discount > 0) {
    rows.push(
      el('li', { className: 'discount' }, [
        el('span', { textContent: `Discount (${coupon})` }),
        el('span', { textContent: `−${formatPrice(price.discount)}` }),
      ]),
    );
  }
  return el('ul', { className: 'price-list' }, rows);
}

function showSummary(summary, items, applied) {
  const price = priceOrder(items, applied?.percentOff ?? 0);
  summary.replaceChildren(
    summaryList(price.lines),
    priceList(price, applied?.code),
    el('p', { className: 'total', textContent: `Total: ${formatPrice(price.total)}` }),
  );
}

// The shop's own server answers JSON, `{ error: { field?, message } }` when it refuses.
async function askShop(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return {
      error: { message: 'The shop could not be reached. Check your connection and try again.' },
    };
  }
  const answer = await response.json().catch(() => null);
  if (response.ok && answer) return answer;
  return { error: answer?.error ?? { message: 'Something went wrong. Please try again.' } };
}

function wireCoupon(form, onChange) {
  const input = form.querySelector('[name="coupon"]');
  const status = form.querySelector('[data-coupon-status]');
  const button = form.querySelector('[data-apply-coupon]');
  let applied = null;
  const show = (message, ok) => {
    status.textContent = message;
    status.classList.toggle('error', !ok);
    input.setAttribute('aria-invalid', String(!ok));
  };
  const apply = async () => {
    const code = input.value.trim().toUpperCase();
    if (!code) {
      applied = null;
      show('', true);
      onChange(null);
      return;
    }
    button.disabled = true;
    const answer = await askShop(`/api/coupons/${encodeURIComponent(code)}`);
    button.disabled = false;
    if (answer.valid) {
      applied = { code: answer.code, percentOff: answer.percentOff };
      input.value = answer.code;
      show(`${answer.code}: ${answer.percentOff}% off your order.`, true);
    } else {
      applied = null;
      show(answer.message ?? answer.error?.message ?? 'This code is not valid.', false);
    }
    onChange(applied);
  };
  button.addEventListener('click', apply);
  // Enter in the code field applies the code; it must not place the order.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    apply();
  });
  return {
    code: () => input.value.trim().toUpperCase(),
    invalid(message) {
      applied = null;
      show(message, false);
      onChange(null);
      input.focus();
    },
  };
}

function wireCheckout(form, summary) {
  const items = readCart(local);
  if (items.length === 0) {
    summary.replaceChildren(
      el('p', { textContent: 'Your cart is empty. ' }, [
        el('a', { href: '/', textContent: 'Back to the shop' }),
      ]),
    );
    form.querySelector('button[type="submit"]').disabled = true;
    return;
  }
  showSummary(summary, items, null);
  const coupon = wireCoupon(form, (applied) => showSummary(summary, items, applied));
  const problem = form.querySelector('[data-order-error]');
  const submit = form.querySelector('button[type="submit"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    submit.disabled = true;
    problem.hidden = true;
    const answer = await askShop('/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: data.get('email'),
        name: data.get('name'),
        items,
        ...(coupon.code() ? { coupon: coupon.code() } : {}),
      }),
    });
    submit.disabled = false;
    if (answer.error) {
      if (answer.error.field === 'coupon') coupon.invalid(answer.error.message);
      else {
        problem.textContent = answer.error.message;
        problem.hidden = false;
      }
      return;
    }
    keepOrder(local, session, { ...answer.order, customer: answer.customer });
    location.assign(`/thank-you/?order=${encodeURIComponent(answer.order.id)}`);
  });
}

// What a merchant adds to the thank-you page: who bought (with the hash the shop's server
// signed, as the site verifies identities) and the order, which credits the friend who
// referred them. A reload records the same order again, which changes nothing: vouch
// keeps one conversion per orderId.
function recordConversion(order) {
  const vouch = window.vouch;
  if (typeof vouch !== 'function' || !order.customer?.id) return;
  vouch('identify', {
    id: order.customer.id,
    email: order.email,
    name: order.name,
    ...(order.customer.hash ? { hash: order.customer.hash } : {}),
  });
  vouch('conversion', {
    orderId: order.id,
    amount: order.total / 100,
    currency: 'GBP',
    email: order.email,
    ...(order.coupon ? { coupon: order.coupon } : {}),
  });
}

// "Ada Lovelace" → "Ada L.": what a review shows of its author unless they change it.
function displayName(name) {
  const [first = '', ...rest] = String(name ?? '')
    .trim()
    .split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]}.` : first;
}

// What a merchant adds to the thank-you page for reviews: the review form for each soap
// of the order, as its buyer. vouch marks the review "Verified buyer" because the order id
// matches this customer's conversion. Every rating is welcome; nothing here asks only
// happy buyers.
function offerReviews(root, order) {
  const skus = [...new Set((order.items ?? []).map((item) => item.sku))];
  root.replaceChildren(
    ...skus.flatMap((sku) => {
      const product = findProduct(sku);
      if (!product) return [];
      const form = el('div', { className: 'review-form' });
      Object.assign(form.dataset, {
        vouch: 'review-form',
        product: sku,
        order: order.id,
        name: displayName(order.name),
        ...(order.email ? { email: order.email } : {}),
      });
      const title = el('h2', { id: `review-${sku}`, textContent: `Review ${product.name}` });
      const section = el('section', { className: 'review-request' }, [
        title,
        el('p', { textContent: 'Used it already? Tell other shoppers what you think.' }),
        form,
      ]);
      section.setAttribute('aria-labelledby', title.id);
      return [section];
    }),
  );
}

function showReceipt(root) {
  const order = readLastOrder(session);
  if (!order) return;
  const price = priceOrder(order.items, 0);
  const total = typeof order.total === 'number' ? order.total : price.total;
  const discount = typeof order.discount === 'number' ? order.discount : 0;
  root.replaceChildren(
    el('p', {
      textContent: `Order ${order.id} is confirmed. A receipt is on its way to ${order.email}.`,
    }),
    summaryList(price.lines),
    priceList({ subtotal: price.subtotal, discount }, order.coupon),
    el('p', { className: 'total', textContent: `Total: ${formatPrice(total)}` }),
  );
  recordConversion(order);
  const reviews = document.querySelector('[data-review-requests]');
  if (reviews) offerReviews(reviews, order);
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
