import { attachWidget } from './attachWidget.js';
import { holdSpace } from './holdSpace.js';
import type { ThemeValues } from './styles/themeStyles.js';
import type { WidgetClient, WidgetModule, WidgetOptions, WidgetSource } from './WidgetModule.js';

/** Options of {@link mount}. */
export interface MountOptions<O extends WidgetOptions = WidgetOptions> {
  /** The core client the widget reads state from and emits events through. */
  client: WidgetClient;
  /** The widget's own options. @default {} */
  options?: O;
  /** Site theme: token name (without `--vouch-`) → CSS value. @default {} */
  theme?: ThemeValues;
  /**
   * Nonce for the `<style>` elements used where constructable stylesheets are missing,
   * for pages whose Content-Security-Policy requires one. @default undefined
   */
  nonce?: string;
  /**
   * The shop's name, as the site's settings give it: widgets that name the shop (the NPS
   * question) use it rather than asking the server again. @default undefined
   */
  siteName?: string;
  /**
   * The block size to hold from now on, for a widget in the page's flow whose code is
   * still loading (a promise): the page then does not move when it arrives. A CSS length
   * (`%` of the widget's width, `em` of its font size), normally the widget's own
   * `reserve`, which a registry knows before the widget's code does.
   * @default the loaded widget's `reserve`, held from when it arrives
   */
  reserve?: string;
  /**
   * Told about a failure: a widget that could not load or threw while mounting. Without
   * it a failure while mounting at once is thrown, a later one logged. @default undefined
   */
  onError?: (error: unknown) => void;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Mounts `widget` on `element` inside an open shadow root and returns the function that
 * unmounts it: the widget renders nothing, and the root, sheets and everything else the
 * mount added are removed (the shadow root stays, to be reused). Calling it twice is safe;
 * calling it before a lazy widget (`import('…')`) has arrived cancels the mount. With a
 * `reserve`, a lazy widget's space is held from this call on (see {@link holdSpace}).
 */
export function mount<O extends WidgetOptions>(
  element: Element,
  widget: WidgetSource<O>,
  options: MountOptions<O>,
): () => void {
  let detach: (() => void) | undefined;
  let done = false;
  const attach = (module: WidgetModule<O>) => {
    detach = attachWidget(element, module, {
      client: options.client,
      options: options.options ?? ({} as O),
      theme: options.theme,
      nonce: options.nonce,
      siteName: options.siteName,
      reserve: options.reserve,
    });
  };
  let release = () => {};
  const report = (error: unknown) => {
    if (options.onError) options.onError(error);
    else console.error('[vouch] mount:', error);
  };
  if (isPromiseLike(widget)) {
    if (options.reserve)
      release = holdSpace(element, options.reserve, options.theme, options.nonce);
    widget.then(
      (loaded) => {
        if (done) return;
        try {
          attach('default' in loaded ? loaded.default : loaded);
        } catch (error) {
          report(error);
        } finally {
          release();
        }
      },
      (error) => {
        release();
        if (!done) report(error);
      },
    );
  } else {
    try {
      attach(widget);
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error);
    }
  }
  return () => {
    if (done) return;
    done = true;
    release();
    detach?.();
  };
}
