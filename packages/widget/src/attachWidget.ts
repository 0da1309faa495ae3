import { createInstanceId } from './createInstanceId.js';
import { adoptStyles } from './styles/adoptStyles.js';
import { baseStyles } from './styles/baseStyles.js';
import { reserveStyles } from './styles/reserveStyles.js';
import { type ThemeValues, themeStyles } from './styles/themeStyles.js';
import type { WidgetClient, WidgetContext, WidgetModule, WidgetOptions } from './WidgetModule.js';

/** What {@link attachWidget} needs besides the element and the widget. */
export interface AttachSettings<O extends WidgetOptions> {
  client: WidgetClient;
  options: O;
  theme?: ThemeValues | undefined;
  nonce?: string | undefined;
  /** The shop's name from the site's settings, for the widget's words. @default undefined */
  siteName?: string | undefined;
  /** The block size to hold. @default the widget's own `reserve` */
  reserve?: string | undefined;
}

/**
 * Puts a loaded widget on `element`: an open shadow root (reused if the element has one),
 * the base, theme, reserve (if it holds space) and widget sheets, and a root element the
 * widget renders into. Returns the function that removes exactly what was added. If the
 * widget throws while mounting, that is undone before the error goes on.
 */
export function attachWidget<O extends WidgetOptions>(
  element: Element,
  widget: WidgetModule<O>,
  settings: AttachSettings<O>,
): () => void {
  const shadowRoot = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const reserve = settings.reserve ?? widget.reserve;
  const removeStyles = adoptStyles(
    shadowRoot,
    [
      baseStyles(),
      themeStyles(settings.theme ?? {}),
      reserve ? reserveStyles(reserve) : '',
      widget.styles ?? '',
    ],
    settings.nonce,
  );
  const root = shadowRoot.ownerDocument.createElement('div');
  root.setAttribute('data-vouch-root', '');
  root.setAttribute('data-vouch-widget', widget.name);
  if (reserve) root.setAttribute('data-vouch-reserve', '');
  shadowRoot.append(root);
  const { client } = settings;
  const context: WidgetContext = {
    client,
    host: element,
    shadowRoot,
    id: createInstanceId(),
    siteName: settings.siteName,
    emit(name, detail) {
      // Widgets may emit events of their own besides those the client's map types.
      (client as unknown as { emit(name: string, detail?: unknown): void }).emit(name, detail);
      const view = element.ownerDocument.defaultView;
      if (view) {
        element.dispatchEvent(
          new view.CustomEvent(`vouch:${name}`, { detail, bubbles: true, composed: true }),
        );
      }
    },
  };
  const remove = () => {
    root.remove();
    removeStyles();
  };
  let unmountWidget: () => void;
  try {
    unmountWidget = widget.mount(root, context, settings.options);
  } catch (error) {
    remove();
    throw error;
  }
  return () => {
    try {
      unmountWidget();
    } finally {
      remove();
    }
  };
}
