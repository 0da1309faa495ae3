import van from 'vanjs-core';
import type { OnUnmount } from './van/OnUnmount.js';
import { setChildren } from './van/setChildren.js';
import type { WidgetContext, WidgetModule, WidgetOptions } from './WidgetModule.js';

/** What a van widget renders from. */
export interface VanWidgetProps<O extends WidgetOptions = WidgetOptions> {
  options: O;
  context: WidgetContext;
  /** Registers what undoes a subscription, listener or timer; it runs on unmount. */
  onUnmount: OnUnmount;
}

/** What a van widget shows: a node, or a view of van states giving a node or nothing. */
export type VanView = Node | (() => Node | null | undefined);

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
      const cleanups: (() => void)[] = [];
      let live = true;
      const onUnmount: OnUnmount = (cleanup) => {
        if (live) cleanups.push(cleanup);
        else cleanup();
      };
      const unmount = () => {
        live = false;
        for (const cleanup of cleanups.splice(0).reverse()) cleanup();
        root.replaceChildren();
      };
      try {
        const view = render({ options, context, onUnmount });
        if (typeof view === 'function') van.derive(() => live && setChildren(root, [view()]));
        else root.append(view);
      } catch (error) {
        unmount();
        throw error;
      }
      return unmount;
    },
  };
}
