import { describe, expect, it, vi } from 'vitest';
import { siteConfig } from '../../test/support/startApiServer.js';
import { useWidgetPage } from '../../test/support/useWidgetPage.js';
import { mount } from '../mount.js';
import ratingWidget from '../widgets/rating.js';
import testimonialsWidget from '../widgets/testimonials.js';
import { renderRatingHtml } from './renderRatingHtml.js';
import { renderTestimonialsHtml } from './renderTestimonialsHtml.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_ssrtakeover_${String(++sites).padStart(12, '0')}`;

const review = (n: number, fields: Record<string, unknown> = {}) => ({
  id: `t${n}`,
  rating: ((n - 1) % 5) + 1,
  body: `Review ${n}: lathers well & smells of <honey>.`,
  authorName: `Author "${n}"`,
  createdAt: new Date(Date.UTC(2026, 0, n, 23, 30)).toISOString(),
  verifiedBuyer: n % 2 === 0,
  incentivized: n === 3,
  ...fields,
});
const items = [
  review(3, {
    title: '<script>window.__pwned=1</script>',
    reply: { body: '<img src=x onerror="window.__pwned=1">', createdAt: '2026-01-05T10:00:00Z' },
  }),
  review(2),
  review(1),
];
const summary = { average: 4.8, count: 1203, histogram: { 1: 3, 2: 0, 3: 40, 4: 160, 5: 1000 } };

/** The server's HTML as a browser parses it: the host, with its declarative shadow root. */
function parseHost(html: string): HTMLElement {
  const outer = document.createElement('template');
  outer.innerHTML = html;
  const host = outer.content.firstElementChild as HTMLElement;
  const inner = host.querySelector(':scope > template') as HTMLTemplateElement | null;
  if (!host.shadowRoot && inner) {
    host.attachShadow({ mode: 'open' }).append(inner.content.cloneNode(true));
    inner.remove();
  }
  return document.body.appendChild(host);
}

/** A root's markup with what may differ left out: instance ids, the style the CSSOM set. */
const markup = (root: Element) =>
  root.innerHTML
    .replace(/vouch-[a-z0-9]{1,8}-(title|sort)/g, 'ID-$1')
    .replace(/ style="[^"]*"/g, '');

const rootOf = (host: Element) =>
  host.shadowRoot?.querySelector('[data-vouch-root]') as HTMLElement;

describe('server-rendered widgets', () => {
  it('render the markup the widgets render, from the same data', async () => {
    page.api.config = (key) => ({
      status: 200,
      body: siteConfig(key, { locale: 'en-GB', name: 'Lather & <Leaf>' }),
    });
    page.api.testimonials = () => ({ status: 200, body: { items, nextCursor: 'next' } });
    page.api.rating = () => ({ status: 200, body: { product: 'soap', ...summary } });
    const client = page.client(nextSite());

    for (const [widget, html, options] of [
      [
        testimonialsWidget,
        renderTestimonialsHtml(
          { items, nextCursor: 'next' },
          { product: 'soap', locale: 'en-GB', name: 'Lather & <Leaf>' },
        ),
        { product: 'soap' },
      ],
      [
        ratingWidget,
        renderRatingHtml(summary, { product: 'soap', href: '#reviews', locale: 'en-GB' }),
        { product: 'soap', href: '#reviews' },
      ],
    ] as const) {
      const element = document.body.appendChild(document.createElement('div'));
      mount(element, widget as typeof ratingWidget, { client, options });
      const live = rootOf(element);
      await vi.waitFor(() => expect(live.querySelector('[data-state="done"]')).not.toBeNull());
      const served = parseHost(html).shadowRoot?.querySelector('[data-vouch-root]') as Element;
      expect(served.hasAttribute('data-vouch-ssr')).toBe(true);
      expect(markup(served)).toBe(markup(live));
    }
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('are taken over in the task the widget mounts, then refreshed from the API', async () => {
    page.api.config = (key) => ({ status: 200, body: siteConfig(key, { locale: 'en-GB' }) });
    let answer = { items, nextCursor: null as string | null };
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    page.api.testimonials = () => ({ status: 200, body: answer });
    const host = parseHost(
      renderTestimonialsHtml(answer, { product: 'soap', locale: 'en-GB', nonce: 'n0nce' }),
    );
    const shadow = host.shadowRoot as ShadowRoot;
    expect(shadow.querySelectorAll('[data-vouch-ssr]')).toHaveLength(2);
    const client = page.client(nextSite());
    // Slows the API down, to see the wall before it answers.
    const read = client.testimonials.bind(client);
    vi.spyOn(client, 'testimonials').mockImplementation(async (query) => {
      await answered;
      return read(query);
    });
    mount(host, testimonialsWidget, { client, options: { product: 'soap' } });
    // At once: the server's nodes are gone, the widget's own wall shows the same reviews.
    expect(shadow.querySelectorAll('[data-vouch-ssr]')).toHaveLength(0);
    expect(shadow.querySelectorAll('[data-vouch-root]')).toHaveLength(1);
    const wall = shadow.querySelector('[data-vouch-part="testimonials"]') as HTMLElement;
    expect(wall.dataset.state).toBe('done');
    expect(wall.getAttribute('aria-busy')).toBe('false');
    expect(wall.textContent).toContain('Review 2: lathers well & smells of <honey>.');
    expect(wall.querySelector('[role="status"]')?.textContent).toBe('');

    // A newer answer replaces the view.
    answer = { items: [review(4), ...items], nextCursor: null };
    release();
    await vi.waitFor(() => expect(wall.querySelectorAll('li')).toHaveLength(4));
    expect(wall.dataset.state).toBe('done');
  });

  it('keep the rating badge, even when the API cannot be read', async () => {
    const host = parseHost(renderRatingHtml(summary, { locale: 'en-GB' }));
    const client = page.client(nextSite());
    const failed = vi.spyOn(client, 'rating').mockRejectedValue(new Error('down'));
    mount(host, ratingWidget, { client });
    const badge = host.shadowRoot?.querySelector('[data-vouch-part="rating"]') as HTMLElement;
    const shown = '★★★★★4.8Rated 4.8 out of 5 from 1,203 reviews';
    expect(badge.textContent).toBe(shown);
    expect(badge.dataset.state).toBe('done');
    expect(host.shadowRoot?.querySelector('[data-vouch-ssr]')).toBeNull();
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(badge.textContent).toBe(shown);
  });
});
