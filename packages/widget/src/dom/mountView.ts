import type { OnUnmount } from './OnUnmount.js';
import { setChildren } from './setChildren.js';

/** What a view shows: a node, or a function giving the node to show now (or nothing). */
export type View = Node | (() => Node | null | undefined | false);

/** What a view is built with. */
export interface ViewKit {
  /** Registers what undoes a subscription, listener or timer; it runs on unmount. */
  onUnmount: OnUnmount;
  /**
   * Runs the view function again and shows what it gives now; nodes it gives back again
   * stay in place (focus, text typed). Does nothing once unmounted.
   */
  refresh(): void;
}

/**
 * Shows the view `render` builds in `root` and returns the function that takes it away: it
 * runs every cleanup registered through `onUnmount` (latest first) and empties `root`. If
 * `render` throws, what it registered is undone first.
 */
export function mountView(root: Element, render: (kit: ViewKit) => View): () => void {
  const cleanups: (() => void)[] = [];
  let live = true;
  let view: View | undefined;
  const onUnmount: OnUnmount = (cleanup) => {
    if (live) cleanups.push(cleanup);
    else cleanup();
  };
  const refresh = () => {
    if (live && typeof view === 'function') setChildren(root, [view()]);
  };
  const unmount = () => {
    live = false;
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    root.replaceChildren();
  };
  try {
    view = render({ onUnmount, refresh });
    if (typeof view === 'function') refresh();
    else root.append(view);
  } catch (error) {
    unmount();
    throw error;
  }
  return unmount;
}
