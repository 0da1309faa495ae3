import { defineMountElements } from './loader/defineMountElements.js';
import { mount } from './mount.js';
import type { ThemeValues } from './styles/themeStyles.js';
import type { WidgetClient, WidgetModule, WidgetSource } from './WidgetModule.js';

/** A widget for {@link defineElements}: the module itself, or a function importing it. */
export type ElementWidget =
  | WidgetModule
  | (() => PromiseLike<WidgetModule | { default: WidgetModule }>);

/** Options of {@link defineElements}. */
export interface DefineElementsOptions {
  /** Widgets by name: each becomes `<vouch-NAME>`. */
  widgets: Readonly<Record<string, ElementWidget>>;
  /**
   * The client the widgets use, or a function that finds it for an element (`undefined`
   * when there is none; the element then stays empty and the error is reported).
   */
  client: WidgetClient | ((element: Element) => WidgetClient | undefined);
  /** Site theme applied to every widget. @default {} */
  theme?: ThemeValues;
  /** Nonce for `<style>` fallbacks on strict-CSP pages. @default undefined */
  nonce?: string;
  /**
   * Block sizes by widget name, held from the moment an element connects while its widget
   * loads (see `MountOptions.reserve`); the package's own are `widgetReserves`.
   * @default {} (held from when each widget arrives, by its own `reserve`)
   */
  reserves?: Readonly<Record<string, string | undefined>>;
  /** Told about every failure. @default logs `[vouch] …` with `console.warn` */
  onError?: (error: unknown, element: Element) => void;
  /** The window whose registry receives the elements. @default window */
  window?: Window & typeof globalThis;
}

/**
 * Registers a `<vouch-NAME>` custom element per widget: connecting one mounts the widget
 * with the element's attributes as options (`product-id` → `productId`), disconnecting
 * unmounts it. Names already registered (by the script tag, say) are left alone.
 */
export function defineElements(options: DefineElementsOptions): void {
  const report =
    options.onError ??
    ((error: unknown, element: Element) =>
      console.warn(
        `[vouch] <${element.localName}>:`,
        error instanceof Error ? error.message : error,
      ));
  defineMountElements(
    options.window ?? window,
    Object.keys(options.widgets),
    (element, name, widgetOptions) => {
      try {
        const client =
          typeof options.client === 'function' ? options.client(element) : options.client;
        if (!client) throw new Error('no vouch client for this element');
        const widget = options.widgets[name] as ElementWidget;
        const source: WidgetSource = typeof widget === 'function' ? widget() : widget;
        const reserve = options.reserves?.[name];
        return mount(element, source, {
          client,
          options: widgetOptions,
          ...(options.theme && { theme: options.theme }),
          ...(options.nonce && { nonce: options.nonce }),
          ...(reserve && { reserve }),
          onError: (error) => report(error, element),
        });
      } catch (error) {
        report(error, element);
        return () => {};
      }
    },
  );
}
