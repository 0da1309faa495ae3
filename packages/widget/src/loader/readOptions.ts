import type { WidgetOptions } from '../WidgetModule.js';

/** `data-product-id="x"` → `{ productId: 'x' }`: every `data-*` except `data-vouch` itself. */
export function datasetOptions(element: HTMLElement): WidgetOptions {
  const options: WidgetOptions = { ...element.dataset };
  delete options.vouch;
  return options;
}

/** `<vouch-rating product-id="x">` → `{ productId: 'x' }`: every attribute, camelCased. */
export function attributeOptions(element: Element): WidgetOptions {
  const options: WidgetOptions = {};
  for (const { name, value } of element.attributes) {
    options[name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
  }
  return options;
}
