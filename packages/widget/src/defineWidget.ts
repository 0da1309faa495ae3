import { type ComponentChild, h, render } from 'preact';
import type { WidgetContext, WidgetModule, WidgetOptions } from './WidgetModule.js';

/** The props a Preact widget renders from. */
export interface WidgetProps<O extends WidgetOptions = WidgetOptions> {
  options: O;
  context: WidgetContext;
}

/** A widget written as a Preact render function. */
export interface WidgetDefinition<O extends WidgetOptions = WidgetOptions> {
  /** The widget's name, as in `data-vouch="NAME"` and `<vouch-NAME>`. */
  name: string;
  /** The widget's CSS, adopted after the base sheet. @default '' */
  styles?: string;
  /** The block size an inline widget holds (see `WidgetModule.reserve`). @default undefined */
  reserve?: string;
  /** A Preact function component: hooks work in it. */
  render(props: WidgetProps<O>): ComponentChild;
}

/**
 * Turns a Preact render function into a widget module. A widget file is then only
 * `export default defineWidget({ name, styles, render })`; the mount machinery does the
 * shadow root, styles, theme and ids, and unmounting renders `null` into the root.
 */
export function defineWidget<O extends WidgetOptions = WidgetOptions>(
  definition: WidgetDefinition<O>,
): WidgetModule<O> {
  const { name, styles = '', reserve, render: Component } = definition;
  return {
    name,
    styles,
    ...(reserve && { reserve }),
    mount(root, context, options) {
      render(h(Component, { options, context }), root);
      return () => render(null, root);
    },
  };
}
