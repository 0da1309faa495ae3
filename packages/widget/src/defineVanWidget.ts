import { mountVanView, type VanView } from './van/mountVanView.js';
import type { OnUnmount } from './van/OnUnmount.js';
import type { WidgetContext, WidgetModule, WidgetOptions } from './WidgetModule.js';

/** What a van widget renders from. */
export interface VanWidgetProps<O extends WidgetOptions = WidgetOptions> {
  options: O;
  context: WidgetContext;
  /** Registers what undoes a subscription, listener or timer; it runs on unmount. */
  onUnmount: OnUnmount;
}

export type { VanView };

/** A widget rendered with VanJS (`van.tags`, `van.state`, `van.derive`). */
export interface VanWidgetDefinition<O extends WidgetOptions = WidgetOptions> {
  /** The widget's name, as in `data-vouch="NAME"` and `<vouch-NAME>`. */
  name: string;
  /** The widget's CSS, adopted after the base sheet. @default '' */
  styles?: string;
  /** The block size an inline widget holds (see `WidgetModule.reserve`). @default undefined */
  reserve?: string;
  /**
   * Builds the widget once, when it mounts. A view function runs again whenever a van
   * state it reads (`.val`) changes; the node it returns becomes the widget's one top
   * element, and nothing gives the space back. Keep it to choosing that node: reads meant
   * for one part belong in that part's own binding. A node given back after nothing was
   * shown must be built anew: van stops the bindings of a node that left the page.
   */
  render(props: VanWidgetProps<O>): VanView;
}

/**
 * Turns a van render function into a widget module, the way `defineWidget` does for
 * Preact. The mount machinery does the shadow root, styles, theme and ids; unmounting runs
 * every cleanup the widget registered through `onUnmount` and empties the root.
 */
export function defineVanWidget<O extends WidgetOptions = WidgetOptions>(
  definition: VanWidgetDefinition<O>,
): WidgetModule<O> {
  const { name, styles = '', reserve, render } = definition;
  return {
    name,
    styles,
    ...(reserve && { reserve }),
    mount(root, context, options) {
      return mountVanView(root, (onUnmount) => render({ options, context, onUnmount }));
    },
  };
}
