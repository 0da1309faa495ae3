import { describe, expect, it } from 'vitest';
import { reviewJsonLd } from './reviewJsonLd.js';
import { serializeJsonLd } from './serializeJsonLd.js';

const ADA = {
  id: 't_1',
  rating: 5,
  title: 'Lasts for weeks',
  body: 'Lovely soap, lasts for weeks.',
  authorName: 'Ada L.',
  createdAt: '2026-03-01T09:30:00.000Z',
  verifiedBuyer: true,
  incentivized: false,
};
const BEN = {
  rating: 2,
  body: 'Smells nice, but it broke in half.',
  authorName: 'Ben',
  createdAt: '2026-03-04T23:10:00+02:00',
};
const SOAP = {
  name: 'Oat & Honey Soap',
  sku: 'sku-1',
  url: 'https://shop.example/products/sku-1',
  image: 'https://cdn.shop.example/sku-1.jpg',
};

describe('reviewJsonLd', () => {
  it('writes a Product with its aggregate and a Review per testimonial, as Google documents', () => {
    expect(reviewJsonLd(SOAP, [ADA, BEN])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Oat & Honey Soap',
      sku: 'sku-1',
      url: 'https://shop.example/products/sku-1',
      image: 'https://cdn.shop.example/sku-1.jpg',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 3.5,
        reviewCount: 2,
        bestRating: 5,
        worstRating: 1,
      },
      review: [
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: 'Ada L.' },
          datePublished: '2026-03-01',
          name: 'Lasts for weeks',
          reviewBody: 'Lovely soap, lasts for weeks.',
        },
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: 'Ben' },
          // The date as written, in the offset it was written in.
          datePublished: '2026-03-04',
          reviewBody: 'Smells nice, but it broke in half.',
        },
      ],
    });
  });

  it('marks up only the public fields of a testimonial', () => {
    const markup = reviewJsonLd({ name: 'Soap' }, [ADA]);
    expect(Object.keys(markup)).toEqual(['@context', '@type', 'name', 'aggregateRating', 'review']);
    expect(JSON.stringify(markup)).not.toMatch(/verified|incentivized|t_1/);
  });

  it('has no aggregateRating and no review without reviews', () => {
    expect(reviewJsonLd({ name: 'Soap' }, [])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Soap',
    });
    expect(
      reviewJsonLd({ name: 'Soap' }, [], { aggregate: { average: null, count: 0 } }),
    ).not.toHaveProperty('aggregateRating');
  });

  it('takes the aggregate of every review when the testimonials are one page of them', () => {
    const markup = reviewJsonLd({ name: 'Soap', image: ['a.jpg', 'b.jpg'] }, [ADA], {
      aggregate: { average: 4.8, count: 1203 },
    });
    expect(markup.aggregateRating).toMatchObject({ ratingValue: 4.8, reviewCount: 1203 });
    expect(markup.review).toHaveLength(1);
    expect(markup.image).toEqual(['a.jpg', 'b.jpg']);
  });

  it('throws a TypeError naming a bad product name, rating or date', () => {
    expect(() => reviewJsonLd({ name: ' ' }, [])).toThrow(/"product.name"/);
    expect(() => reviewJsonLd({ name: 'Soap' }, [ADA, { ...BEN, rating: 0 }])).toThrow(
      /"testimonials\[1\].rating" must be an integer from 1 to 5, not 0/,
    );
    expect(() => reviewJsonLd({ name: 'Soap' }, [{ ...ADA, createdAt: 'yesterday' }])).toThrow(
      TypeError,
    );
    expect(() => reviewJsonLd({ name: 'Soap' }, [{ ...ADA, createdAt: 'yesterday' }])).toThrow(
      /"testimonials\[0\].createdAt"/,
    );
  });

  it('round-trips through serializeJsonLd with hostile text kept as text', () => {
    const hostile = {
      ...BEN,
      title: '</script><script>alert(1)</script>',
      body: '<!-- <script> --> & \u2028\u2029 "quoted" \\ </SCRIPT >',
      authorName: '<img src=x onerror=alert(1)>',
    };
    const markup = reviewJsonLd(SOAP, [hostile]);
    const text = serializeJsonLd(markup);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(markup);
  });
});
