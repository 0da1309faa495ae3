import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVouch } from './createVouch.js';
import type { Platform } from './platform.js';
import {
  createMemoryPlatform,
  type MemoryPlatformOptions,
} from './testing/createMemoryPlatform.js';
import { type EventServer, startEventServer } from './testing/startEventServer.js';
import type { VouchOptions } from './vouchOptions.js';

const SITE = 'pk_test_0123456789abcdef';
const DAY = 86_400_000;
const realFetch: Platform['fetch'] = (input, init) => fetch(input, init);

let server: EventServer;
beforeEach(async () => {
  server = await startEventServer();
});
afterEach(async () => {
  await server.close();
});

function setup(
  platformOptions: MemoryPlatformOptions = {},
  options: Partial<Omit<VouchOptions, 'platform'>> = {},
) {
  const platform = createMemoryPlatform({ fetch: realFetch, ...platformOptions });
  const client = createVouch({ site: SITE, endpoint: server.url, platform, ...options });
  return { platform, client };
}

const events = () => server.requests.flatMap((r) => r.batch?.events ?? []);

describe('createVouch: options', () => {
  const platform = createMemoryPlatform();
  const valid = { site: SITE, endpoint: 'https://vouch.shop.example', platform };

  it.each([
    [{ site: 'sk_secret_0123456789abcdef' }, /"site": must be a public site key/],
    [{ site: undefined }, /"site": expected string/],
    [{ endpoint: 'ftp://vouch.example' }, /"endpoint": must be an absolute http\(s\) URL/],
    [{ endpoint: 'https://vouch.example/?x=1' }, /"endpoint": must be the server URL/],
    [{ platform: {} }, /"platform": must be a Platform/],
    [{ consentRequired: 'yes' }, /"consentRequired": expected boolean/],
    [{ attributionDays: 0 }, /"attributionDays": must be 1 to 365/],
    [{ attributionDays: 2.5 }, /"attributionDays"/],
    [{ attribution: 'middle' }, /"attribution": must be "first" or "last"/],
  ])('rejects %o with a TypeError naming the field', (patch, message) => {
    const attempt = () => createVouch({ ...valid, ...patch } as unknown as VouchOptions);
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(message);
  });

  it('names every bad field at once', () => {
    expect(() => createVouch({ site: 'x', endpoint: 'y', platform } as VouchOptions)).toThrow(
      /"site".*"endpoint"/,
    );
  });

  it('accepts an endpoint with a trailing slash', async () => {
    const client = createVouch({
      site: SITE,
      endpoint: `${server.url}/`,
      platform: createMemoryPlatform({ fetch: realFetch }),
    });
    client.page();
    await client.flush();
    expect(server.requests[0]?.url).toBe('/v1/events');
  });
});

describe('createVouch: events', () => {
  it('records a page view with the page, its referrer and title, and a visitor id', async () => {
    const { client } = setup({
      url: 'https://shop.example/products/soap',
      referrer: 'https://search.example/?q=soap',
      title: 'Oat & Honey soap',
    });
    const event = client.page();
    expect(client.getSnapshot().pending).toBe(1);
    await client.flush();
    expect(events()).toEqual([event]);
    expect(event).toMatchObject({
      type: 'page',
      url: 'https://shop.example/products/soap',
      referrer: 'https://search.example/?q=soap',
      title: 'Oat & Honey soap',
    });
    expect(event?.visitor).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('keeps the visitor id across pages, and long URLs and titles fit the schema', async () => {
    const data = new Map<string, string>();
    const first = setup({ storage: data }).client.page();
    const second = setup({
      storage: data,
      url: `https://shop.example/p?utm=${'x'.repeat(3000)}`,
      referrer: 'android-app://com.example',
      title: 't'.repeat(500),
    }).client.page();
    expect(second?.visitor).toBe(first?.visitor);
    expect(second?.type === 'page' && second.url).toBe('https://shop.example/p');
    expect(second).toMatchObject({ referrer: '' });
    expect(second?.type === 'page' && second.title).toHaveLength(300);
  });

  it('reports an event it cannot record as an error event instead of throwing', () => {
    const { client } = setup({ url: 'file:///home/shop/index.html' });
    const errors: string[] = [];
    client.on('error', (payload) => errors.push(payload.message));
    expect(client.page()).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/"url"/);
  });

  it('emits an error event when the server rejects a batch', async () => {
    const { client } = setup();
    const codes: Array<string | undefined> = [];
    client.on('error', (payload) => codes.push(payload.code));
    server.answerNext({
      status: 404,
      body: { error: { code: 'site_not_found', message: 'no such site' } },
    });
    client.page();
    await client.flush();
    expect(codes).toEqual(['site_not_found']);
  });

  it('isolates a throwing host handler and reports it through platform.warn', () => {
    const { client, platform } = setup();
    const seen: string[] = [];
    client.on('share', () => {
      throw new Error('host bug');
    });
    client.on('share', (payload) => seen.push(payload.channel));
    client.emit('share', { channel: 'whatsapp', url: 'https://shop.example/' });
    expect(seen).toEqual(['whatsapp']);
    expect(platform.warnings.join('\n')).toMatch(/"share" handler threw: Error: host bug/);
  });
});

describe('createVouch: identity', () => {
  it('validates identify, and later events carry the customer', async () => {
    const { client } = setup();
    expect(() => client.identify({ id: 'c-1', email: 'not-an-email' })).toThrow(
      /identify: "email": must be an email address/,
    );
    expect(() => client.identify({ id: '' })).toThrow(/"id"/);
    client.identify({ id: 'c-1', email: 'ada@example.com', name: 'Ada' });
    expect(client.getSnapshot().identity).toEqual({
      id: 'c-1',
      email: 'ada@example.com',
      name: 'Ada',
    });
    client.page();
    await client.flush();
    expect(events()[0]?.customer).toBe('c-1');
  });

  it('reset forgets the customer and starts a new visitor', () => {
    const { client } = setup();
    client.identify({ id: 'c-1' });
    const before = client.page();
    client.reset();
    const after = client.page();
    expect(client.getSnapshot().identity).toBeNull();
    expect(after?.customer).toBeUndefined();
    expect(after?.visitor).not.toBe(before?.visitor);
  });

  it('discards a corrupt stored identity instead of trusting it', () => {
    const data = new Map([[`vouch:${SITE}:identity`, JSON.stringify({ id: 42, admin: true })]]);
    const { client } = setup({ storage: data });
    expect(client.getSnapshot().identity).toBeNull();
    expect(data.has(`vouch:${SITE}:identity`)).toBe(false);
  });
});

describe('createVouch: consent', () => {
  const persisted = (data: Map<string, string>) =>
    [...data.keys()].map((key) => key.replace(`vouch:${SITE}:`, '')).sort();

  it('stores nothing before consent when required, migrates on grant, wipes on revoke', () => {
    const data = new Map<string, string>();
    const { client } = setup(
      { storage: data, url: 'https://shop.example/?ref=FRIEND01' },
      { consentRequired: true },
    );
    client.identify({ id: 'c-1' });
    client.captureReferral();
    const before = client.page();
    expect(data.size).toBe(0);
    expect(client.getSnapshot().consent).toBe('unset');
    expect(client.referral()).toBe('FRIEND01');

    client.consent(true);
    expect(persisted(data)).toEqual([
      'consent',
      'identity',
      'landings',
      'outbox',
      'referral',
      'visitor',
    ]);
    expect(client.getSnapshot().consent).toBe('granted');
    expect(client.page()?.visitor).toBe(before?.visitor);

    client.consent(false);
    expect(data.size).toBe(0);
    expect(client.getSnapshot()).toMatchObject({
      consent: 'denied',
      referral: 'FRIEND01',
      pending: 3,
    });
    // The visitor id known under the withdrawn consent is not used again.
    expect(client.page()?.visitor).not.toBe(before?.visitor);
    expect(data.size).toBe(0);
  });

  it('remembers a grant across pages', () => {
    const data = new Map<string, string>();
    setup({ storage: data }, { consentRequired: true }).client.consent(true);
    const { client } = setup({ storage: data }, { consentRequired: true });
    expect(client.getSnapshot().consent).toBe('granted');
    client.page();
    expect(data.has(`vouch:${SITE}:outbox`)).toBe(true);
  });

  it('rejects a consent that is not a boolean', () => {
    const { client } = setup();
    expect(() => client.consent('yes' as unknown as boolean)).toThrow(TypeError);
  });
});

describe('createVouch: referrals', () => {
  it('sends one landing per code, not again on reload, and returns the code', async () => {
    const data = new Map<string, string>();
    const url = 'https://shop.example/?REF=FRIEND01';
    expect(setup({ storage: data, url }).client.captureReferral()).toBe('FRIEND01');
    const again = setup({ storage: data, url }).client;
    expect(again.captureReferral()).toBe('FRIEND01');
    await again.flush();
    const landings = events().filter((e) => e.type === 'landing');
    expect(landings).toHaveLength(1);
    expect(landings[0]).toMatchObject({ type: 'landing', ref: 'FRIEND01', url });
  });

  it('keeps a referral that landed on a very long URL', () => {
    const url = `https://shop.example/p?ref=FRIEND01&utm=${'x'.repeat(5000)}`;
    const data = new Map<string, string>();
    setup({ storage: data, url }).client.captureReferral();
    const { client } = setup({ storage: data });
    expect(client.referral()).toBe('FRIEND01');
    expect(client.getSnapshot().pending).toBe(1);
  });

  it('returns null and records nothing without a valid code', () => {
    const { client } = setup({ url: 'https://shop.example/?ref=<x>' });
    expect(client.captureReferral()).toBeNull();
    expect(client.referral()).toBeNull();
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('keeps the referral for the attribution window, then forgets it', () => {
    const data = new Map<string, string>();
    const { client, platform } = setup(
      { storage: data, url: 'https://shop.example/?ref=FRIEND01' },
      { attributionDays: 7 },
    );
    client.captureReferral();
    const seen: Array<string | null> = [];
    client.subscribe(() => seen.push(client.getSnapshot().referral));

    platform.advance(7 * DAY - 1);
    expect(client.referral()).toBe('FRIEND01');
    expect(client.getSnapshot().referral).toBe('FRIEND01');
    platform.advance(1);
    expect(client.getSnapshot().referral).toBeNull();
    expect(client.referral()).toBeNull();
    expect(seen).toEqual([null]);
    expect(data.has(`vouch:${SITE}:referral`)).toBe(false);
  });

  it('reports a landing again once its window has passed', () => {
    const data = new Map<string, string>();
    const url = 'https://shop.example/?ref=FRIEND01';
    const first = setup({ storage: data, url }, { attributionDays: 1 });
    first.client.captureReferral();
    const later = setup(
      { storage: data, url, now: first.platform.now() + DAY },
      { attributionDays: 1 },
    );
    later.client.captureReferral();
    expect(later.client.getSnapshot().pending).toBe(2);
  });

  it('last-touch (default): a new code replaces the kept one', () => {
    const { client, platform } = setup({ url: 'https://shop.example/?ref=FIRST001' });
    client.captureReferral();
    platform.setLocation('https://shop.example/?ref=SECOND02');
    client.captureReferral();
    expect(client.referral()).toBe('SECOND02');
  });

  it('first-touch: the first code inside its window wins, and the later one still lands', () => {
    const { client, platform } = setup(
      { url: 'https://shop.example/?ref=FIRST001' },
      { attribution: 'first' },
    );
    client.captureReferral();
    platform.advance(DAY);
    platform.setLocation('https://shop.example/?ref=SECOND02');
    expect(client.captureReferral()).toBe('SECOND02');
    expect(client.referral()).toBe('FIRST001');
    expect(client.getSnapshot().pending).toBe(2);
    platform.advance(30 * DAY);
    client.captureReferral();
    expect(client.referral()).toBe('SECOND02');
  });

  it('a reload of the same landing does not move the window (last-touch)', () => {
    const data = new Map<string, string>();
    const url = 'https://shop.example/?ref=FRIEND01';
    const first = setup({ storage: data, url }, { attributionDays: 2 });
    first.client.captureReferral();
    const reload = setup(
      { storage: data, url, now: first.platform.now() + DAY },
      { attributionDays: 2 },
    );
    reload.client.captureReferral();
    reload.platform.advance(DAY);
    expect(reload.client.referral()).toBeNull();
  });
});

describe('createVouch: snapshot', () => {
  it('keeps the snapshot object while nothing changed and notifies subscribers of changes', () => {
    const { client } = setup();
    const first = client.getSnapshot();
    expect(client.getSnapshot()).toBe(first);
    expect(first).toEqual({
      site: SITE,
      identity: null,
      consent: 'unset',
      referral: null,
      pending: 0,
    });
    let calls = 0;
    const unsubscribe = client.subscribe(() => calls++);
    client.page();
    expect(calls).toBe(1);
    expect(client.getSnapshot().pending).toBe(1);
    client.emit('nps:shown', { id: 'n' });
    expect(calls).toBe(1);
    unsubscribe();
    client.identify({ id: 'c' });
    expect(calls).toBe(1);
  });

  it('destroy stops timers and listeners', () => {
    const { client, platform } = setup();
    client.page();
    expect(platform.timers()).toBe(1);
    client.destroy();
    expect(platform.timers()).toBe(0);
    platform.hide();
    expect(platform.beacons).toHaveLength(0);
  });
});
