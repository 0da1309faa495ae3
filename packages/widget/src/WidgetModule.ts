/** Options a widget receives: from `mount(…, { options })`, `data-*` or element attributes. */
export type WidgetOptions = Record<string, unknown>;

import type { VouchClient } from '@vouch/core';

/** The core client widgets use: state (`getSnapshot`/`subscribe`), actions, events. */
export type WidgetClient = VouchClient;

/** Everything the mount machinery hands a widget besides its options. */
export interface WidgetContext {
  /** The core client: state through `getSnapshot`/`subscribe`, actions, events. */
  client: WidgetClient;
  /** The page's element the widget is mounted on (it carries the shadow root). */
  host: Element;
  /** The open shadow root the widget renders into. */
  shadowRoot: ShadowRoot;
  /** An id unique to this mounted instance: `id('title')` → `vouch-k3x9q-title`. */
  id(part: string): string;
  /**
   * The shop's name from the site's settings, where whoever mounted the widget knew it
   * (the script tag does); otherwise `client.siteConfig()` gives it. @default undefined
   */
  siteName?: string | undefined;
  /**
   * Emits a host-page event: through the client (`vouch('on', name, …)` listeners) and
   * as a `vouch:NAME` DOM event that bubbles out of the shadow root from the host.
   */
  emit(name: string, detail?: unknown): void;
}

/**
 * The lower-level shape of a widget: mount into `root` (an element inside the shadow
 * root, already styled) and return the function that unmounts. `defineWidget` builds one
 * from a Preact render function.
 */
export interface WidgetModule<O extends WidgetOptions = WidgetOptions> {
  /** The widget's name, as in `data-vouch="NAME"`. */
  name: string;
  /** The widget's own CSS, adopted after the base sheet (so it may override `:host`). */
  styles?: string;
  /**
   * For a widget in the page's flow: the block size it holds from the moment it is mounted
   * to its loaded state, so that the page does not move (a CSS length; `%` is of the
   * widget's width, `em` of its font size). The widget renders one top element, which is
   * stretched to fill it. Rendering nothing gives the space back. Overlays have none.
   */
  reserve?: string;
  mount(root: HTMLElement, context: WidgetContext, options: O): () => void;
}

/** A widget, or a promise of one (such as `import('./probe.js')`) for a lazy mount. */
export type WidgetSource<O extends WidgetOptions = WidgetOptions> =
  | WidgetModule<O>
  | PromiseLike<WidgetModule<O> | { default: WidgetModule<O> }>;
