/**
 * Creates the id maker of one mounted widget: `id('title')` → `vouch-k3x9q2-title`. Random,
 * not a counter, because a counter would be module state shared by every copy on the page.
 */
export function createInstanceId(): (part: string) => string {
  const prefix = `vouch-${Math.random().toString(36).slice(2, 8)}`;
  return (part) => `${prefix}-${part}`;
}
