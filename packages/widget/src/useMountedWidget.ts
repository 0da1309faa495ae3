import { type Inputs, useLayoutEffect, useRef } from 'preact/hooks';
import { mount } from './mount.js';
import type { WidgetClient, WidgetModule } from './WidgetModule.js';

/**
 * Mounts a widget module into a shadow root on the element the returned ref is put on,
 * through {@link mount}: before the browser paints, again whenever `client` or one of
 * `inputs` changes (the old one unmounted first), and unmounts it with the component.
 * `widget` is called for each mount, so it may close over the component's props.
 */
export function useMountedWidget<E extends HTMLElement>(
  widget: () => WidgetModule,
  client: WidgetClient,
  inputs: Inputs,
) {
  const host = useRef<E>(null);
  useLayoutEffect(() => {
    const element = host.current;
    return element ? mount(element, widget(), { client }) : undefined;
  }, [client, ...inputs]);
  return host;
}
