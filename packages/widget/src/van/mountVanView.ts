import van from 'vanjs-core';
import type { OnUnmount } from './OnUnmount.js';
import { setChildren } from './setChildren.js';

/** What a van view shows: a node, or a view of van states giving a node or nothing. */
export type VanView = Node | (() => Node | null | undefined);

/**
 * Shows the view `render` builds in `root` and returns the function that takes it away: it
 * runs every cleanup registered through `onUnmount` (latest first) and empties `root`. A
 * view function runs again whenever a van state it reads changes; what it returns becomes
 * the one child of `root`. If `render` throws, what it registered is undone first.
 */
export function mountVanView(root: Element, render: (onUnmount: OnUnmount) => VanView) {
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
    const view = render(onUnmount);
    if (typeof view === 'function') van.derive(() => live && setChildren(root, [view()]));
    else root.append(view);
  } catch (error) {
    unmount();
    throw error;
  }
  return unmount;
}
