/**
 * Makes `nodes` (falsy entries left out) the children of `parent`, in order, touching only
 * what differs: a node already in its place stays there, so it keeps focus and nothing on
 * screen moves; the others are inserted, and what is left after them is removed.
 */
export function setChildren(parent: Node, nodes: readonly (Node | null | undefined | false)[]) {
  let at = parent.firstChild;
  for (const node of nodes) {
    if (!node) continue;
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
  while (at) {
    const next: ChildNode | null = at.nextSibling;
    at.remove();
    at = next;
  }
}
