import { describe, expect, it } from 'vitest';
import { createVouch } from '../createVouch.js';
import type { Platform } from '../platform.js';
import { createMemoryPlatform } from '../testing/createMemoryPlatform.js';

const SITE = 'pk_test_0123456789abcdef';

/** A client whose requests are answered by `answer`, each body kept in `bodies`. */
function setup(answer: (body: Record<string, unknown>) => Response | Promise<Response>) {
  const bodies: Array<{ url: string; body: Record<string, unknown> }> = [];
  const fetch: Platform['fetch'] = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    bodies.push({ url: String(input), body });
    return answer(body);
  };
  const platform = createMemoryPlatform({ fetch });
  const client = createVouch({ site: SITE, endpoint: 'https://vouch.example', platform });
  return { client, bodies };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('recordShare', () => {
  it('posts the share with a new id, the visitor and the identified customer with its hash', async () => {
    const { client, bodies } = setup(() => json({ recorded: true }));
    client.identify({ id: 'ada', name: 'Ada', hash: 'a'.repeat(64) });
    const url = 'https://shop.example/?ref=ADA7KQ2M&utm_source=x';
    await expect(client.recordShare({ channel: 'x', url })).resolves.toEqual({ recorded: true });
    await client.recordShare({ channel: 'copy' });
    const [first, second] = bodies.filter((request) => request.url.endsWith('/v1/shares'));
    expect(first?.url).toBe('https://vouch.example/v1/shares');
    expect(first?.body).toEqual({
      site: SITE,
      id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      channel: 'x',
      url,
      visitor: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      customer: { id: 'ada', name: 'Ada', hash: 'a'.repeat(64) },
    });
    expect(second?.body.channel).toBe('copy');
    expect(second?.body.id).not.toBe(first?.body.id);
    expect(second?.body.visitor).toBe(first?.body.visitor);
    expect('url' in (second?.body ?? {})).toBe(false);
    client.destroy();
  });

  it("gives the sharer's reward from the answer, and sends no customer for an anonymous shopper", async () => {
    const reward = {
      id: 'rw_1',
      offer: { value: { kind: 'percent', percent: 5 }, description: '5% off' },
      status: 'approved',
      reason: 'share',
      coupon: 'SHARE5OFF',
      createdAt: '2026-11-23T10:00:00.000Z',
    };
    const { client, bodies } = setup(() => json({ recorded: true, reward }));
    await expect(client.recordShare({ channel: 'whatsapp' })).resolves.toEqual({
      recorded: true,
      reward,
    });
    expect('customer' in (bodies[0]?.body ?? {})).toBe(false);
    client.destroy();
  });

  it('resolves to null, never rejecting, when the server refuses, answers badly or cannot be reached', async () => {
    const refused = setup(() =>
      json({ error: { code: 'invalid', message: 'invalid request' } }, 400),
    );
    await expect(refused.client.recordShare({ channel: 'x' })).resolves.toBeNull();
    const garbled = setup(() => json({ recorded: 'yes' }));
    await expect(garbled.client.recordShare({ channel: 'x' })).resolves.toBeNull();
    const offline = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.client.recordShare({ channel: 'x' })).resolves.toBeNull();
    for (const { client } of [refused, garbled, offline]) client.destroy();
  });
});
