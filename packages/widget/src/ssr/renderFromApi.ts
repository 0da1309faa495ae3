import type { ReviewProduct } from '@vouch/core';
import type { RatingSummary, SiteConfig, TestimonialPage } from '@vouch/core/schemas';
import type { HtmlRenderOptions } from './renderHost.js';
import { renderRatingHtml } from './renderRatingHtml.js';
import { renderTestimonialsHtml } from './renderTestimonialsHtml.js';

/** Where the data of a server-rendered widget is read. */
export interface ApiSource extends Pick<HtmlRenderOptions, 'nonce'> {
  /** The vouch server's base URL, as the script tag's `data-endpoint`. */
  endpoint: string;
  /** The site's public key (`pk_…`). */
  site: string;
  /**
   * Sends a request: a server-to-server read, which carries no `Origin` (a shop that runs
   * vouch in its own process can pass `(request) => app.fetch(request)`).
   * @default globalThis.fetch
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
}

/** `GET /v1/sites/:site{path}` as JSON; throws on any answer but 2xx. */
async function read<T>(source: ApiSource, path: string): Promise<T> {
  const url = `${source.endpoint.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(source.site)}${path}`;
  const send = source.fetch ?? ((request: Request) => globalThis.fetch(request));
  const response = await send(new Request(url, { headers: { accept: 'application/json' } }));
  if (!response.ok) throw new Error(`vouch: GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

const query = (values: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** What {@link renderRating} reads and renders. */
export interface RenderRatingOptions extends ApiSource {
  /** The product whose reviews count. @default every review of the site */
  product?: string | undefined;
  /** Where the badge links to (http(s) or relative). @default no link */
  href?: string | undefined;
}

/**
 * Reads the site's settings and the rating, and renders the `rating` badge as HTML
 * ({@link renderRatingHtml}). Rejects when either cannot be read: the page can then leave
 * the empty mount, which the widget fills in the browser.
 */
export async function renderRating(options: RenderRatingOptions): Promise<string> {
  const { product } = options;
  const [config, summary] = await Promise.all([
    read<SiteConfig>(options, '/config'),
    read<RatingSummary>(options, `/rating${query({ product })}`),
  ]);
  return renderRatingHtml(summary, { ...options, locale: config.locale, theme: config.theme });
}

/** What {@link renderTestimonials} reads and renders. */
export interface RenderTestimonialsOptions extends ApiSource {
  /** Only the reviews of this product. @default every review of the site */
  product?: string | undefined;
  /** The order of the first page. @default 'newest' */
  sort?: 'newest' | 'highest' | undefined;
  /** Reviews to a page, 1–50. @default 6 */
  limit?: number | undefined;
  /** The product, for search-engine markup (schema.org `Product` with reviews). @default none */
  jsonLd?: ReviewProduct | undefined;
}

/**
 * Reads the site's settings and the first page of reviews (and, with `jsonLd`, the
 * product's rating, which the markup's `aggregateRating` counts), and renders the
 * `testimonials` wall as HTML ({@link renderTestimonialsHtml}). Rejects when any cannot
 * be read: the page can then leave the empty mount, which the widget fills in the browser.
 */
export async function renderTestimonials(options: RenderTestimonialsOptions): Promise<string> {
  const { product, sort = 'newest', limit = 6, jsonLd } = options;
  const [config, page, rating] = await Promise.all([
    read<SiteConfig>(options, '/config'),
    read<TestimonialPage>(options, `/testimonials${query({ product, sort, limit })}`),
    jsonLd ? read<RatingSummary>(options, `/rating${query({ product })}`) : undefined,
  ]);
  return renderTestimonialsHtml(page, {
    ...options,
    sort,
    limit,
    locale: config.locale,
    name: config.name,
    theme: config.theme,
    rating,
  });
}
