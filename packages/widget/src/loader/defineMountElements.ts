import type { WidgetOptions } from '../WidgetModule.js';
import { attributeOptions } from './readOptions.js';

/** Mounts widget `name` on `element`; returns the unmount. Must never throw. */
export type MountElement = (element: Element, name: string, options: WidgetOptions) => () => void;

/**
 * Registers `<vouch-NAME>` for each name: connecting one mounts the widget with its
 * attributes as options, disconnecting unmounts it. A name another copy (the npm
 * elements, the script tag included twice) already registered is left as it is.
 */
export function defineMountElements(
  win: Window & typeof globalThis,
  names: readonly string[],
  mount: MountElement,
): void {
  const registry = win.customElements;
  if (!registry) return;
  for (const name of names) {
    const tag = `vouch-${name}`;
    if (registry.get(tag)) continue;
    registry.define(
      tag,
      class extends win.HTMLElement {
        stop: (() => void) | undefined;
        connectedCallback() {
          this.stop ??= mount(this, name, attributeOptions(this));
        }
        disconnectedCallback() {
          this.stop?.();
          this.stop = undefined;
        }
      },
    );
  }
}
