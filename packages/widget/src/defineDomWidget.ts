import { mountView, type View, type ViewKit } from './dom/mountView.js';
import type { WidgetContext, WidgetModule, WidgetOptions } from './WidgetModule.js';

/** What a DOM widget builds its view from. */
export interface DomWidgetProps<O extends WidgetOptions = WidgetOptions> extends ViewKit {
  options: O;
  context: WidgetContext;
}

export type { View, ViewKit };

/** A widget built with plain DOM (`tags`, `setChildren`, `createLoad`). */
export interface DomWidgetDefinition<O extends WidgetOptions = WidgetOptions> {
  /** The widget's name, as in `data-vouch="NAME"` and `<vouch-NAME>`. */
  name: string;
  /** The widget's CSS, adopted after the base sheet. @default '' */
  styles?: string;
  /** The block size an inline widget holds (see `WidgetModule.reserve`). @default undefined */
  reserve?: string;
  /**
   * Builds the widget once, when it mounts. A view function runs again on `refresh()`;
   * the node it gives becomes the widget's one top element, and giving nothing gives the
   * space back. Build parts once and give the same nodes again, so focus and what the
   * shopper typed stay.
   */
  render(props: DomWidgetProps<O>): View;
}

/**
 * Turns a render function into a widget module, the way `defineWidget` does for Preact.
 * The mount machinery does the shadow root, styles, theme and ids; unmounting runs every
 * cleanup the widget registered through `onUnmount` and empties the root.
 */
export function defineDomWidget<O extends WidgetOptions = WidgetOptions>(
  definition: DomWidgetDefinition<O>,
): WidgetModule<O> {
  const { name, styles = '', reserve, render } = definition;
  return {
    name,
    styles,
    ...(reserve && { reserve }),
    mount: (root, context, options) =>
      mountView(root, (kit) => render({ ...kit, options, context })),
  };
}
