import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, useReferralKit } from '../testing/referralKit.js';
import { approvedTestimonial, moderate, submitTestimonial } from '../testing/testimonialFixture.js';

interface Page {
  items: Array<{ id: string; rating: number; [field: string]: unknown }>;
  nextCursor: string | null;
}

describeDatabases('public testimonial reads', (harness) => {
  const kit = useReferralKit(harness, { testimonialRateLimit: false, program: null });
  const site = () => kit.test.created.publicKey;
  const list = async (query: string) => {
    const response = await kit.get(`/v1/sites/${site()}/testimonials?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Page;
  };

  it('lists approved testimonials only, newest first, without private fields', async () => {
    const product = kit.id('sku');
    const older = await approvedTestimonial(kit, {
      product,
      email: 'ada@example.com',
      orderId: kit.id('order'),
      title: 'Lovely',
    });
    kit.clock.advance(1000);
    const newer = await approvedTestimonial(kit, { product, rating: 1 });
    const pending = await submitTestimonial(kit, { product });
    const hidden = await approvedTestimonial(kit, { product });
    await moderate(kit, hidden, 'hide');
    const rejected = await submitTestimonial(kit, { product });
    await moderate(kit, rejected.id, 'reject', { reason: 'abuse' });
    const page = await list(`product=${product}`);
    expect(page.items.map((item) => item.id)).toEqual([newer, older]);
    expect(page.nextCursor).toBeNull();
    expect(Object.keys(page.items[1] ?? {}).sort()).toEqual(
      [
        'authorName',
        'body',
        'createdAt',
        'id',
        'incentivized',
        'product',
        'rating',
        'title',
        'verifiedBuyer',
      ].sort(),
    );
    expect(page.items.map((item) => item.id)).not.toContain(pending.id);
  });

  it('pages with a stable cursor, newest first or highest rating first', async () => {
    const product = kit.id('sku');
    const ids: Array<{ id: string; rating: number }> = [];
    for (const rating of [3, 5, 1, 5, 4]) {
      ids.push({ id: await approvedTestimonial(kit, { product, rating }), rating });
      kit.clock.advance(1000);
    }
    const first = await list(`product=${product}&limit=2`);
    expect(first.items.map((item) => item.id)).toEqual([ids[4]?.id, ids[3]?.id]);
    const second = await list(`product=${product}&limit=2&cursor=${first.nextCursor}`);
    const third = await list(`product=${product}&limit=2&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((item) => item.id)).toEqual(
      [ids[2], ids[1], ids[0]].map((entry) => entry?.id),
    );
    expect(third.nextCursor).toBeNull();

    const highest: string[] = [];
    let cursor = '';
    do {
      const page = await list(`product=${product}&sort=highest&limit=2${cursor}`);
      highest.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    } while (cursor);
    expect(highest).toEqual([ids[3], ids[1], ids[4], ids[0], ids[2]].map((entry) => entry?.id));

    const mixed = await kit.get(
      `/v1/sites/${site()}/testimonials?product=${product}&sort=highest&cursor=${first.nextCursor}`,
    );
    const error = await expectError(mixed, 400, 'invalid_request');
    expect(error.issues?.[0]?.path).toBe('cursor');
  });

  it('answers with a short max-age and an ETag, and 304 when it still matches', async () => {
    const product = kit.id('sku');
    await approvedTestimonial(kit, { product });
    const path = `/v1/sites/${site()}/testimonials?product=${product}`;
    const first = await kit.get(path);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const headers = { origin: kit.test.origin, 'x-vouch-site': site() };
    const again = await kit.test.fetch(path, {
      headers: { ...headers, 'if-none-match': `W/${etag}` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await approvedTestimonial(kit, { product });
    const changed = await kit.test.fetch(path, {
      headers: { ...headers, 'if-none-match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const rating = await kit.get(`/v1/sites/${site()}/rating?product=${product}`);
    const ratingTag = rating.headers.get('etag') ?? '';
    const unchanged = await kit.test.fetch(`/v1/sites/${site()}/rating?product=${product}`, {
      headers: { ...headers, 'if-none-match': ratingTag },
    });
    expect(unchanged.status).toBe(304);
  });

  it('aggregates every approved rating, low ones included, per product or for the site', async () => {
    const product = kit.id('sku');
    for (const rating of [5, 5, 4, 1, 2]) await approvedTestimonial(kit, { product, rating });
    await submitTestimonial(kit, { product, rating: 5 });
    const response = await kit.get(`/v1/sites/${site()}/rating?product=${product}`);
    expect(await response.json()).toEqual({
      product,
      average: 3.4,
      count: 5,
      histogram: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 2 },
    });
    const none = await kit.get(`/v1/sites/${site()}/rating?product=${kit.id('sku')}`);
    expect(await none.json()).toMatchObject({ average: null, count: 0 });
    const whole = (await (await kit.get(`/v1/sites/${site()}/rating`)).json()) as { count: number };
    expect(whole.count).toBeGreaterThanOrEqual(5);
    expect(whole).not.toHaveProperty('product');
  });

  it('refuses minRating, saying that vouch does not gate reviews', async () => {
    for (const path of ['testimonials', 'rating']) {
      const error = await expectError(
        await kit.get(`/v1/sites/${site()}/${path}?minRating=4`),
        400,
        'invalid_request',
      );
      expect(error.issues).toEqual([
        {
          path: 'minRating',
          message: expect.stringContaining('vouch never filters reviews by rating'),
        },
      ]);
    }
  });

  it('names a bad limit, product or sort', async () => {
    const error = await expectError(
      await kit.get(`/v1/sites/${site()}/testimonials?limit=51&sort=lowest&product=a%20b`),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['limit', 'product', 'sort']);
  });

  it('answers only the site’s own origins', async () => {
    const response = await kit.test.fetch(`/v1/sites/${site()}/testimonials`, {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(response.status).toBe(403);
    // A browser's request without an Origin is not a server's either.
    for (const path of ['testimonials', 'rating']) {
      const browser = await kit.test.fetch(`/v1/sites/${site()}/${path}`, {
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(browser.status).toBe(403);
      expect(browser.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it("answers a shop's own server, which sends no Origin, the same reads without CORS headers", async () => {
    const product = kit.id('sku');
    const id = await approvedTestimonial(kit, { product, rating: 4 });
    for (const path of [`testimonials?product=${product}`, `rating?product=${product}`]) {
      const fromPage = await kit.get(`/v1/sites/${site()}/${path}`);
      const fromServer = await kit.test.fetch(`/v1/sites/${site()}/${path}`);
      expect(fromServer.status).toBe(200);
      expect(await fromServer.json()).toEqual(await fromPage.json());
      expect(fromServer.headers.get('etag')).toBe(fromPage.headers.get('etag'));
      expect(fromServer.headers.get('cache-control')).toBe('public, max-age=30');
      expect(fromServer.headers.get('access-control-allow-origin')).toBeNull();
      expect(fromPage.headers.get('access-control-allow-origin')).toBe(kit.test.origin);
    }
    const page = (await (
      await kit.test.fetch(`/v1/sites/${site()}/testimonials?product=${product}`)
    ).json()) as Page;
    expect(page.items.map((item) => item.id)).toEqual([id]);
  });
});
