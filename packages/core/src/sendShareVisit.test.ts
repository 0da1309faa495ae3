import { describe, expect, it } from 'vitest';
import { createVouch } from './createVouch.js';
import type { Platform } from './platform.js';
import sendShareVisit from './sendShareVisit.js';
import { createMemoryPlatform } from './testing/createMemoryPlatform.js';

const SITE = 'pk_test_0123456789abcdef';
const SHARED =
  'https://shop.example/p/soap?ref=ADA12345&utm_source=whatsapp&utm_medium=share&utm_campaign=spring';

/** A fetch that answers each call with the next status (the last one repeats), recording bodies. */
function answering(...statuses: number[]) {
  const bodies: unknown[] = [];
  const urls: string[] = [];
  const fetch: Platform['fetch'] = async (input, init) => {
    urls.push(String(input));
    bodies.push(JSON.parse(String(init?.body)));
    const status = statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
    if (status === 0) throw new TypeError('Failed to fetch');
    const body = status < 300 ? '{"counted":true}' : '{"code":"bad_request","message":"no"}';
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, bodies, urls };
}

const settle = () => new Promise((done) => setTimeout(done, 10));

/** What the recorder hands over: the site, the server, the platform and the visitor. */
const parts = (platform: Platform) => ({
  site: SITE,
  endpoint: 'https://api.example',
  platform,
  identity: { visitor: () => 'v_1' } as Parameters<typeof sendShareVisit>[0]['identity'],
});

describe('sendShareVisit', () => {
  it('posts the code, channel and visitor once', async () => {
    const net = answering(200);
    const platform = createMemoryPlatform({ fetch: net.fetch });
    const loop = sendShareVisit(parts(platform), SHARED, 'ADA12345');
    await loop?.drain();
    await loop?.flush();
    expect(net.urls).toEqual(['https://api.example/v1/shares/visits']);
    expect(net.bodies).toEqual([
      { site: SITE, code: 'ADA12345', channel: 'whatsapp', visitor: 'v_1' },
    ]);
    expect(loop?.retrying()).toBe(false);
  });

  it('does nothing for a link that was not shared', () => {
    const net = answering(200);
    const platform = createMemoryPlatform({ fetch: net.fetch });
    for (const url of [
      'https://shop.example/?ref=ADA12345',
      'https://shop.example/?ref=ADA12345&utm_source=x&utm_medium=email',
    ]) {
      expect(sendShareVisit(parts(platform), url, 'ADA12345')).toBeNull();
    }
    expect(net.urls).toEqual([]);
  });

  it('retries a lost request with backoff and when back online, not a refusal', async () => {
    const net = answering(0, 503, 200);
    const platform = createMemoryPlatform({ fetch: net.fetch });
    const loop = sendShareVisit(parts(platform), SHARED, 'ADA12345');
    await settle();
    expect(net.urls).toHaveLength(1);
    expect(loop?.retrying()).toBe(true);
    platform.goOnline();
    await settle();
    expect(net.urls).toHaveLength(2);
    platform.advance(600_000);
    await settle();
    expect(net.urls).toHaveLength(3);
    expect(loop?.retrying()).toBe(false);

    const refused = answering(400);
    const other = createMemoryPlatform({ fetch: refused.fetch });
    const once = sendShareVisit(parts(other), SHARED, 'ADA12345');
    await settle();
    other.advance(600_000);
    await settle();
    expect(refused.urls).toHaveLength(1);
    expect(once?.retrying()).toBe(false);
  });
});

describe('createVouch: a friend opens a shared link', () => {
  it('reports the visit once per page load, with the kept visitor', async () => {
    const net = answering(200);
    const platform = createMemoryPlatform({ fetch: net.fetch, url: SHARED });
    const client = createVouch({ site: SITE, endpoint: 'https://api.example', platform });
    expect(client.captureReferral()).toBe('ADA12345');
    client.captureReferral();
    await settle();
    const visits = net.bodies.filter((_, i) => net.urls[i]?.endsWith('/v1/shares/visits'));
    expect(visits).toEqual([
      { site: SITE, code: 'ADA12345', channel: 'whatsapp', visitor: client.page()?.visitor },
    ]);
    client.destroy();
  });

  it('reports nothing for a plain referral link', async () => {
    const net = answering(200);
    const platform = createMemoryPlatform({
      fetch: net.fetch,
      url: 'https://shop.example/?ref=ADA12345&utm_source=x&utm_medium=email',
    });
    const client = createVouch({ site: SITE, endpoint: 'https://api.example', platform });
    client.captureReferral();
    await settle();
    expect(net.urls.filter((url) => url.endsWith('/v1/shares/visits'))).toEqual([]);
    client.destroy();
  });
});
