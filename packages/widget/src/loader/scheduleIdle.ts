/**
 * Runs `task` when the page is idle (at most ~2 s later on a busy page). Browsers without
 * `requestIdleCallback` wait for the `load` event and the next task instead.
 */
export function scheduleIdle(win: Window, task: () => void): void {
  if (win.requestIdleCallback) {
    win.requestIdleCallback(task, { timeout: 2000 });
  } else if (win.document.readyState === 'complete') {
    win.setTimeout(task, 1);
  } else {
    win.addEventListener('load', () => win.setTimeout(task, 1), { once: true });
  }
}
