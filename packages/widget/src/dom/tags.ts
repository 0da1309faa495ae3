/** What a tag function takes after its props: nodes, text, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/**
 * An element's props: `onNAME` adds a listener for `NAME`; a name the element has as a
 * property (`value`, `tabIndex`, `readOnly`, `hidden`) sets that property; any other
 * (`class`, `for`, `aria-*`, `data-*`, `role`) sets the attribute. `null` and `undefined`
 * set nothing.
 */
export type Props = Record<string, unknown>;

/** Makes one element: `div({ class: 'x' }, 'text', child)` or `p('text')`. */
export type Tag<E extends HTMLElement> = (props?: Props | Child, ...children: Child[]) => E;

const isProps = (value: unknown): value is Props =>
  Object.getPrototypeOf(value ?? 0) === Object.prototype;

/** Makes the element `name` with `props` (when the first argument is a plain object) and children. */
export function h(name: string, ...args: (Props | Child)[]): HTMLElement {
  const element = document.createElement(name);
  const props = isProps(args[0]) ? (args.shift() as Props) : {};
  for (const [key, value] of Object.entries(props)) {
    if (value == null) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value as EventListener);
    else if (key in element) (element as unknown as Props)[key] = value;
    else element.setAttribute(key, String(value));
  }
  element.append(
    ...(args as Child[])
      .flat(9)
      .flatMap((child) => (child == null || child === false ? [] : [child as Node | string])),
  );
  return element;
}

/**
 * A tag function per HTML element (`const { div, p } = tags`): plain DOM, built once.
 * What changes later is changed by the widget itself (a property, `setChildren`), or by
 * building its view again (`refresh` of `mountView`).
 */
export const tags = new Proxy(
  {},
  {
    get:
      (_, name: string) =>
      (...args: (Props | Child)[]) =>
        h(name, ...args),
  },
) as { readonly [K in keyof HTMLElementTagNameMap]: Tag<HTMLElementTagNameMap[K]> };

/**
 * The tag functions a view is built with: `tags`, or a twin with the same call shape that
 * builds something else (the HTML text of server-side rendering).
 */
export type Tags = typeof tags;
