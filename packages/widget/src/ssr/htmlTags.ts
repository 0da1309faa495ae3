import type { Child, Props, Tags } from '../dom/tags.js';

/** HTML that is already safe to place in a page as it is: what an HTML tag function gives. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** `text` with the characters that mean markup written as references, for text and attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Elements that have no end tag. */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
/** A name that is safe to write as an attribute's. */
const NAME = /^[a-z][a-z0-9-]*$/;

const isProps = (value: unknown): value is Props =>
  Object.getPrototypeOf(value ?? 0) === Object.prototype;

/** Writes `child` (escaped text, or `Html` as it is) onto `out`. */
function write(child: Child | Html, out: string[]): void {
  if (child == null || child === false) return;
  if (child instanceof Html) out.push(child.html);
  else if (Array.isArray(child)) for (const each of child) write(each, out);
  else out.push(escapeHtml(String(child)));
}

/**
 * The element `name` as HTML, called as the DOM's `h` is: props (when the first argument
 * is a plain object), then children. Listeners (`onNAME`) and functions are left out: a
 * server-rendered page has no script of its own in it. A property name is written as its
 * attribute (`tabIndex` → `tabindex`); `true` writes a bare attribute, `false` none.
 */
export function h(name: string, ...args: (Props | Child | Html)[]): Html {
  const props = isProps(args[0]) ? (args.shift() as Props) : {};
  let html = `<${name}`;
  for (const [key, value] of Object.entries(props)) {
    const attribute = key.toLowerCase();
    if (value == null || value === false || typeof value === 'function') continue;
    if (attribute.startsWith('on') || !NAME.test(attribute)) continue;
    html += value === true ? ` ${attribute}` : ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  if (VOID.test(name)) return new Html(`${html}>`);
  const out = [`${html}>`];
  write(args as Child[], out);
  out.push(`</${name}>`);
  return new Html(out.join(''));
}

/**
 * The string twin of the DOM's `tags`: the same call shape, building escaped HTML, so that
 * the widgets' own views render on a server. Typed as `Tags` for them, which only compose
 * what the tags give; what they give is {@link Html}.
 */
export const htmlTags = new Proxy(
  {},
  {
    get:
      (_, name: string) =>
      (...args: (Props | Child)[]) =>
        h(name, ...args),
  },
) as unknown as Tags;
