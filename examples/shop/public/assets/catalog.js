/**
 * The shop's three soaps. Prices are in pence so sums never meet floating point.
 * The product pages carry the same facts in their HTML; this copy feeds the cart.
 */
export const catalog = [
  { sku: 'oat-and-honey', name: 'Oat & Honey', price: 750, url: '/products/oat-and-honey/' },
  {
    sku: 'sea-salt-and-lime',
    name: 'Sea Salt & Lime',
    price: 800,
    url: '/products/sea-salt-and-lime/',
  },
  {
    sku: 'lavender-fields',
    name: 'Lavender Fields',
    price: 750,
    url: '/products/lavender-fields/',
  },
];

/**
 * The product with this sku, or undefined.
 * @param {unknown} sku
 */
export function findProduct(sku) {
  return catalog.find((product) => product.sku === sku);
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/**
 * 750 → "£7.50".
 * @param {number} pence
 */
export function formatPrice(pence) {
  return pounds.format(pence / 100);
}
