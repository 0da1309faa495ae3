import { describe, expect, it } from 'vitest';
import { createVouch } from '../createVouch.js';
import type { Platform } from '../platform.js';
import { testimonialInputSchema } from '../schemas/testimonials.js';
import { createMemoryPlatform } from '../testing/createMemoryPlatform.js';

const SITE = 'pk_test_0123456789abcdef';
const ENDPOINT = 'https://vouch.example';
const KEY = `vouch:${SITE}:reviews`;

const input = {
  rating: 5,
  body: 'Lovely soap, my skin has never been happier.',
  authorName: 'Ada L.',
  email: 'ada@example.com',
  product: 'oat-and-honey',
  orderId: 'A-1001',
  consent: true as const,
  consentVersion: 'reviews-2026-11',
  honeypot: '',
  fillMs: 42_000,
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/**
 * A server that answers `POST /v1/testimonials` like the real one (pending, a token on
 * the first answer only), or fails as when offline while `online` is false.
 */
function stubServer() {
  const server = {
    online: true,
    posts: [] as Array<{ url: string; body: Record<string, unknown> }>,
    stored: new Set<string>(),
    answer: undefined as ((body: Record<string, unknown>) => Response) | undefined,
    fetch: (async (url, init) => {
      if (!server.online) throw new TypeError('fetch failed: offline');
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      server.posts.push({ url: String(url), body });
      if (server.answer) return server.answer(body);
      const id = String(body.id);
      const stored = !server.stored.has(id);
      server.stored.add(id);
      return json(200, {
        id,
        status: 'pending',
        stored,
        ...(stored && { withdrawToken: `wd_${'a'.repeat(32)}` }),
      });
    }) as Platform['fetch'],
  };
  return server;
}

function setup(storage = new Map<string, string>(), consentRequired = false) {
  const server = stubServer();
  const platform = createMemoryPlatform({
    fetch: (url, init) => server.fetch(url, init),
    storage,
    url: 'https://shop.example/thanks',
  });
  const client = createVouch({ site: SITE, endpoint: ENDPOINT, platform, consentRequired });
  return { server, platform, client, storage };
}

/** Lets queued promises and the loaded chunks settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('client.submitTestimonial', () => {
  it('sends the testimonial with its context and answers pending with the withdrawal token', async () => {
    const { client, server, storage } = setup();
    client.identify({ id: 'cus_ada', hash: 'ab'.repeat(32) });
    const answer = await client.submitTestimonial({ ...input, id: 'tst_form_0001', title: '' });
    expect(answer).toEqual({
      id: 'tst_form_0001',
      status: 'pending',
      stored: true,
      withdrawToken: `wd_${'a'.repeat(32)}`,
    });
    const [post] = server.posts;
    expect(post?.url).toBe(`${ENDPOINT}/v1/testimonials`);
    // What the server's own schema accepts: the empty title left out, consent recorded.
    expect(testimonialInputSchema.parse(post?.body)).toMatchObject({
      ...input,
      id: 'tst_form_0001',
      site: SITE,
      customer: 'cus_ada',
      // The identity's hash, by which the server knows the customer id is not a guess.
      customerHash: 'ab'.repeat(32),
      url: 'https://shop.example/thanks',
      visitor: expect.any(String),
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(post?.body).not.toHaveProperty('title');
    // Acknowledged: nothing kept.
    expect(storage.has(KEY)).toBe(false);
  });

  it('makes an id when none is given', async () => {
    const { client, server } = setup();
    const answer = await client.submitTestimonial(input);
    expect(answer.id).toMatch(/^tst_[A-Za-z0-9_-]{8,60}$/);
    expect(server.posts[0]?.body.id).toBe(answer.id);
  });

  it('names every bad field and sends nothing', async () => {
    const { client, server, storage } = setup();
    const refused = client.submitTestimonial({
      ...input,
      rating: 0,
      body: 'short',
      authorName: '  ',
      consent: false as unknown as true,
    });
    await expect(refused).rejects.toBeInstanceOf(TypeError);
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_request',
      issues: [
        { path: 'rating', message: 'must be an integer from 1 to 5' },
        { path: 'body', message: 'must be 10–5000 characters' },
        { path: 'authorName', message: 'must be 1–80 characters' },
        { path: 'consent', message: 'must be true: the author agrees to publish' },
      ],
    });
    expect(server.posts).toEqual([]);
    expect(storage.has(KEY)).toBe(false);
  });

  it("passes the server's 400 on with its issues, keeping nothing and never retrying", async () => {
    const { client, server, storage, platform } = setup();
    server.answer = () =>
      json(400, {
        error: {
          code: 'invalid_request',
          message: 'The request is not valid.',
          issues: [{ path: 'email', message: 'must be an email address' }],
        },
      });
    await expect(client.submitTestimonial(input)).rejects.toMatchObject({
      name: 'HttpError',
      status: 400,
      issues: [{ path: 'email', message: 'must be an email address' }],
    });
    expect(storage.has(KEY)).toBe(false);
    platform.advance(600_000);
    platform.goOnline();
    await settle();
    expect(server.posts).toHaveLength(1);
  });

  it('keeps it offline, answers queued, and sends it once when back online', async () => {
    const { client, server, storage, platform } = setup();
    server.online = false;
    const answer = await client.submitTestimonial({ ...input, id: 'tst_offline_01' });
    expect(answer).toEqual({ id: 'tst_offline_01', status: 'queued' });
    expect(JSON.parse(storage.get(KEY) ?? '[]')).toMatchObject([
      { id: 'tst_offline_01', email: 'ada@example.com' },
    ]);
    server.online = true;
    platform.goOnline();
    await settle();
    expect(server.posts.map((post) => post.body.id)).toEqual(['tst_offline_01']);
    expect(storage.has(KEY)).toBe(false);
  });

  it('retries with backoff after a 5xx and a 429', async () => {
    const { client, server, storage, platform } = setup();
    server.answer = () => json(503, { error: { code: 'unavailable', message: 'down' } });
    expect((await client.submitTestimonial(input)).status).toBe('queued');
    server.answer = () =>
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '60' });
    platform.advance(60_000);
    await settle();
    expect(storage.has(KEY)).toBe(true);
    server.answer = undefined;
    platform.advance(60_000);
    await settle();
    expect(server.posts).toHaveLength(3);
    expect(storage.has(KEY)).toBe(false);
  });

  it('sends one kept on an earlier page when the next page starts', async () => {
    const first = setup();
    first.server.online = false;
    await first.client.submitTestimonial({ ...input, id: 'tst_kept_0001' });
    first.client.destroy();

    const next = setup(first.storage);
    await settle();
    expect(next.server.posts.map((post) => post.body.id)).toEqual(['tst_kept_0001']);
    expect(next.storage.has(KEY)).toBe(false);
  });

  it('persists nothing before consent where the site requires it: the e-mail stays in memory', async () => {
    const { client, server, storage } = setup(new Map(), true);
    server.online = false;
    expect((await client.submitTestimonial(input)).status).toBe('queued');
    expect([...storage.keys()].filter((key) => key.endsWith(':reviews'))).toEqual([]);
    expect([...storage.values()].join()).not.toContain('ada@example.com');
  });

  it('reports a kept testimonial refused later as an error event', async () => {
    const { client, server, platform } = setup();
    const errors: Array<{ message: string; code?: string }> = [];
    client.on('error', (error) => errors.push(error));
    server.online = false;
    await client.submitTestimonial({ ...input, id: 'tst_later_0001' });
    server.online = true;
    server.answer = () =>
      json(409, { error: { code: 'testimonial_conflict', message: 'other content' } });
    platform.goOnline();
    await settle();
    expect(errors).toMatchObject([
      { code: 'testimonial_conflict', message: expect.stringContaining('tst_later_0001') },
    ]);
  });

  it('withdraws with the token of the first answer', async () => {
    const { client, server } = setup();
    server.answer = () => json(200, { id: 'tst_form_0001', withdrawn: true });
    await expect(
      client.withdrawTestimonial({ id: 'tst_form_0001', token: `wd_${'b'.repeat(32)}` }),
    ).resolves.toEqual({ id: 'tst_form_0001', withdrawn: true });
    expect(server.posts[0]).toEqual({
      url: `${ENDPOINT}/v1/testimonials/tst_form_0001/withdraw`,
      body: { site: SITE, token: `wd_${'b'.repeat(32)}` },
    });
  });
});
