// @vitest-environment node
import type { TestimonialPage } from '@vouch/core/schemas';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlTags } from './htmlTags.js';
import { renderRating, renderTestimonials } from './renderFromApi.js';
import { renderRatingHtml } from './renderRatingHtml.js';
import { renderTestimonialsHtml } from './renderTestimonialsHtml.js';

const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "' onmouseover='window.__pwned=1",
];
const page: TestimonialPage = {
  items: [
    {
      id: 't1',
      rating: 5,
      title: payloads[1],
      body: payloads[0] as string,
      authorName: payloads[2] as string,
      createdAt: '2026-03-04T10:00:00.000Z',
      verifiedBuyer: true,
      incentivized: true,
      reply: { body: payloads[3] as string, createdAt: '2026-03-05T10:00:00.000Z' },
    },
  ],
  nextCursor: null,
};
const summary = { average: 4.5, count: 2, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } };

/** The text of every `<script>` of `html` with `type`. */
const scripts = (html: string, type: string) =>
  Array.from(
    html.matchAll(
      new RegExp(`<script type="${type.replace('+', '\\+')}"[^>]*>(.*?)</script>`, 'gs'),
    ),
    (match) => match[1] as string,
  );

describe('HTML tags', () => {
  it('escape text and attributes, write no listener, and keep HTML they built as it is', () => {
    const { a, button, input, p } = htmlTags;
    expect(String(p({ class: 'x"y', onclick: () => {}, onmouseover: 'alert(1)' }, '<b>&'))).toBe(
      '<p class="x&#34;y">&#60;b&#62;&#38;</p>',
    );
    expect(String(p(a({ href: '#r' }, 'one', 2, null, false, ['three']), button('b')))).toBe(
      '<p><a href="#r">one2three</a><button>b</button></p>',
    );
    expect(String(input({ tabIndex: -1, readOnly: true, hidden: false, 'x y': 1 }))).toBe(
      '<input tabindex="-1" readonly>',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });
});

describe('renderTestimonialsHtml', () => {
  it('writes the host, its declarative shadow root, the state and the JSON-LD, every field inert', () => {
    const html = renderTestimonialsHtml(page, {
      product: 'oat & honey',
      limit: 3,
      locale: 'en-GB',
      name: 'Lather & Leaf',
      nonce: 'r4nd"om',
      jsonLd: { name: 'Oat </script> soap', sku: 'OAT-1', url: 'https://shop.example/oat' },
      rating: { average: 4.5, count: 2 },
    });
    expect(html).toMatch(
      /^<div data-vouch="testimonials" data-product="oat &#38; honey" data-limit="3"><template shadowrootmode="open"><style nonce="r4nd&#34;om" data-vouch-ssr="">/,
    );
    expect(html).toContain(
      '<div data-vouch-root="" data-vouch-widget="testimonials" data-vouch-reserve="" data-vouch-ssr=""><section class="vouch-wall"',
    );
    // Markup only the widget's own: no payload became an element or an attribute.
    expect(html).not.toMatch(/<(img|svg|b)\b/i);
    expect(html).toContain('&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;');
    expect(html).toContain('Reply from Lather &#38; Leaf');
    expect(html).toContain('4 Mar 2026');
    // Three scripts, all data: none of them closed early by a field.
    expect(html.match(/<script/g)).toHaveLength(2);
    const [state] = scripts(html, 'application/json');
    expect(JSON.parse(state as string)).toEqual([page, { locale: 'en-GB', name: 'Lather & Leaf' }]);
    const [jsonLd] = scripts(html, 'application/ld+json');
    expect(JSON.parse(jsonLd as string)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Oat </script> soap',
      sku: 'OAT-1',
      url: 'https://shop.example/oat',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 4.5,
        reviewCount: 2,
        bestRating: 5,
        worstRating: 1,
      },
      review: [
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: payloads[2] },
          datePublished: '2026-03-04',
          name: payloads[1],
          reviewBody: payloads[0],
        },
      ],
    });
    expect(html).toContain('nonce="r4nd&#34;om" data-vouch-state=""');
  });

  it('says when there is no review, with no sort control and no JSON-LD (nothing to mark up)', () => {
    const html = renderTestimonialsHtml({ items: [], nextCursor: null }, { jsonLd: { name: 'A' } });
    expect(html).toContain('<p class="vouch-none">No reviews yet</p>');
    expect(html).not.toContain('<select');
    expect(html).not.toContain('ld+json');
    expect(html).not.toContain('Load more');
  });
});

describe('renderRatingHtml', () => {
  it('writes the badge, its fill in its own sheet (no style attribute), and a safe link only', () => {
    const html = renderRatingHtml(summary, { product: 'oat', href: '#reviews', locale: 'de-DE' });
    expect(html).toMatch(/^<div data-vouch="rating" data-product="oat" data-href="#reviews">/);
    expect(html).toContain('.vouch-stars{--vouch-fill:90%}</style>');
    expect(html).not.toContain(' style=');
    expect(html).toContain(
      '<p class="vouch-rating" data-vouch-part="rating" data-state="done"><a href="#reviews">',
    );
    expect(html).toContain('>4,5</span>');
    expect(renderRatingHtml(summary, { href: 'javascript:alert(1)' })).not.toContain('<a ');
    expect(renderRatingHtml({ ...summary, average: null, count: 0 })).toContain(
      '<span class="vouch-muted">No reviews yet</span>',
    );
  });
});

describe('renderRating and renderTestimonials', () => {
  it('read the settings and the data server to server (no Origin), and render them', async () => {
    const asked: Request[] = [];
    const fetch = async (request: Request) => {
      asked.push(request);
      const { pathname } = new URL(request.url);
      const body = pathname.endsWith('/config')
        ? { locale: 'en-US', name: 'Shop', theme: { 'color-star': 'red' } }
        : pathname.endsWith('/rating')
          ? summary
          : page;
      return Response.json(body);
    };
    const source = { endpoint: 'https://api.example/', site: 'pk_x', fetch };
    const rating = await renderRating({ ...source, product: 'a b' });
    expect(rating).toContain(':host{--vouch-color-star:red;}');
    const wall = await renderTestimonials({ ...source, product: 'a b', jsonLd: { name: 'A' } });
    expect(wall).toContain('Mar 4, 2026');
    expect(asked.map((request) => request.url)).toEqual([
      'https://api.example/v1/sites/pk_x/config',
      'https://api.example/v1/sites/pk_x/rating?product=a+b',
      'https://api.example/v1/sites/pk_x/config',
      'https://api.example/v1/sites/pk_x/testimonials?product=a+b&sort=newest&limit=6',
      'https://api.example/v1/sites/pk_x/rating?product=a+b',
    ]);
    expect(asked.every((request) => !request.headers.has('origin'))).toBe(true);

    const down = async () => new Response('{}', { status: 503 });
    await expect(renderRating({ ...source, fetch: down })).rejects.toThrow('answered 503');
  });
});
