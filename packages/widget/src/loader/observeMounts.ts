/**
 * Finds `[data-vouch]` elements now and whenever the page adds or removes some (single-page
 * apps): `mount` for each connected one, `unmount` for each that left the document. Only
 * the state at the time of the callback counts: a node moved within one batch of changes
 * is still connected, so it is not unmounted (and `mount` skips what is mounted already).
 */
export function observeMounts(
  win: Window & typeof globalThis,
  mount: (element: HTMLElement) => void,
  unmount: (element: HTMLElement) => void,
): void {
  // Text and comment nodes have neither method: they are skipped.
  const visit = (node: Node, callback: (element: HTMLElement) => void) => {
    const element = node as HTMLElement;
    if (element.matches?.('[data-vouch]')) callback(element);
    element.querySelectorAll?.<HTMLElement>('[data-vouch]').forEach(callback);
  };
  new win.MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.removedNodes) {
        visit(node, (element) => element.isConnected || unmount(element));
      }
      for (const node of record.addedNodes) {
        visit(node, (element) => element.isConnected && mount(element));
      }
    }
  }).observe(win.document, { childList: true, subtree: true });
  visit(win.document.documentElement, mount);
}
