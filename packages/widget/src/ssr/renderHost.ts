import { serializeJsonLd } from '@vouch/core';
import { baseStyles } from '../styles/baseStyles.js';
import { reserveStyles } from '../styles/reserveStyles.js';
import { type ThemeValues, themeStyles } from '../styles/themeStyles.js';
import { Html, h } from './htmlTags.js';

/** What every server-rendered widget may be given. */
export interface HtmlRenderOptions {
  /** The site's theme (`config.theme`): token name (without `--vouch-`) → CSS value. @default {} */
  theme?: ThemeValues | undefined;
  /**
   * The nonce of the page's Content-Security-Policy, put on the `<style>` and `<script>`
   * elements, for pages that allow no inline style or script without it. @default none
   */
  nonce?: string | undefined;
}

/** One widget's host, as {@link renderHost} writes it. */
export interface HostParts extends HtmlRenderOptions {
  /** The widget's name: `data-vouch="NAME"`. */
  name: string;
  /** The widget's options, as the host's `data-*` attributes the script tag reads. */
  options: Record<string, string | number | undefined>;
  /** The block size the widget holds, and its own sheet (and any rule of this rendering). */
  reserve: string;
  styles: string;
  /** The widget's view, as the widget renders it when its data is in. */
  view: Html;
  /** The data the view was rendered from, which the widget starts from when it loads. */
  state: unknown;
  /** A schema.org value for search engines, if any. */
  jsonLd?: unknown;
}

/**
 * The widget's host element as HTML: `<div data-vouch="NAME" data-…>` holding a declarative
 * open shadow root (the sheets the widget adopts, in one `<style>`, and the root with the
 * view), the data it was rendered from (`script[data-vouch-state]`) and, when given, the
 * JSON-LD. Browsers show it before any script has run, and search engines read it; the
 * widget, once loaded, takes the shadow root over (what is marked `data-vouch-ssr` is the
 * server's, and goes). Both scripts are data, escaped so that no text closes them.
 */
export function renderHost(parts: HostParts): string {
  const { name, nonce, jsonLd } = parts;
  const options: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(parts.options)) {
    options[`data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`] = value;
  }
  const sheets = [
    baseStyles(),
    themeStyles(parts.theme ?? {}),
    reserveStyles(parts.reserve),
    parts.styles,
  ].join('');
  const data = (type: string, value: unknown, attribute?: string) =>
    h(
      'script',
      { type, nonce, ...(attribute && { [attribute]: '' }) },
      new Html(serializeJsonLd(value)),
    );
  return h(
    'div',
    { 'data-vouch': name, ...options },
    h(
      'template',
      { shadowrootmode: 'open' },
      h('style', { nonce, 'data-vouch-ssr': '' }, new Html(sheets)),
      h(
        'div',
        {
          'data-vouch-root': '',
          'data-vouch-widget': name,
          'data-vouch-reserve': '',
          'data-vouch-ssr': '',
        },
        parts.view,
      ),
    ),
    data('application/json', parts.state, 'data-vouch-state'),
    jsonLd !== undefined && data('application/ld+json', jsonLd),
  ).html;
}
