/**
 * Runs `task` when the page is idle, at most ~2 s later on a busy page; in browsers
 * without `requestIdleCallback`, on the next task.
 */
export function scheduleIdle(win: Window, task: () => void): void {
  if (win.requestIdleCallback) win.requestIdleCallback(task, { timeout: 2000 });
  else win.setTimeout(task, 1);
}
