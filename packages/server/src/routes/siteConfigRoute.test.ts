import { siteConfigSchema } from '@vouch/core/schemas';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { saveReferralProgram } from '../referralProgram/saveReferralProgram.js';
import { createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases('GET /v1/sites/:site/config and preflights', (harness) => {
  let database: VouchDatabase;
  let test: TestApp;
  beforeAll(async () => {
    database = await harness.open();
    test = await startTestApp(database);
  });
  afterAll(() => test.close());
  const configPath = () => `/v1/sites/${test.created.publicKey}/config`;
  const corsHeaders = (response: Response) =>
    [...response.headers.keys()].filter((h) => h.startsWith('access-control-'));

  it("answers the site's public settings to its own origin, briefly cacheable", async () => {
    const response = await test.fetch(configPath(), { headers: { origin: test.origin } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      site: test.created.publicKey,
      name: 'Test shop',
      consentRequired: false,
      attributionDays: 30,
      attribution: 'last',
      locale: 'en',
      theme: {},
      identityVerification: false,
      referral: null,
      nps: null,
      share: null,
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(test.origin);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it("describes the referral program's rewards in the site's locale, and says when identities are verified", async () => {
    const origin = 'https://laden.example';
    const { publicKey, site } = await createSite(database, {
      name: 'Laden',
      origins: [origin],
      locale: 'de-DE',
      identityVerification: true,
    });
    await saveReferralProgram(
      database,
      site.id,
      referralProgramFixture({
        referrerReward: { value: { kind: 'credit', amount: 7.5, currency: 'EUR' } },
        holdDays: 30,
      }),
    );
    const response = await test.fetch(`/v1/sites/${publicKey}/config`, { headers: { origin } });
    const config = await response.json();
    expect(siteConfigSchema.safeParse(config).success).toBe(true);
    expect(config).toMatchObject({
      identityVerification: true,
      referral: {
        friendOffer: { value: { kind: 'percent', percent: 10 }, description: '10% off' },
        referrerReward: {
          value: { kind: 'credit', amount: 7.5, currency: 'EUR' },
          description: '7,50\u00a0€ store credit',
        },
        minOrderAmount: 20,
        currency: 'EUR',
        holdDays: 30,
      },
    });
    expect(JSON.stringify(config)).not.toMatch(/fraud|FRIEND10|pool/);
  });

  it('refuses another origin, or a browser without one, with 403 and no CORS headers', async () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
    ] as Record<string, string>[]) {
      const response = await test.fetch(configPath(), { headers });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'origin_not_allowed',
      );
      expect(corsHeaders(response)).toEqual([]);
    }
  });

  it("answers a shop's own server (no Origin, no Sec-Fetch-Site) without CORS headers", async () => {
    const response = await test.fetch(configPath());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { site: string }).site).toBe(test.created.publicKey);
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('accepts a same-origin request, which carries no Origin, when that origin is allowed', async () => {
    const own = new URL(test.url).origin;
    const site = await createSite(database, { name: 'Same origin', origins: [own] });
    const response = await test.fetch(`/v1/sites/${site.publicKey}/config`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
    const cross = await test.fetch(`/v1/sites/${site.publicKey}/config`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.status).toBe(403);
  });

  it('answers an unknown key with 404 site_not_found', async () => {
    const response = await test.fetch('/v1/sites/pk_nosuchsite00000000000000/config', {
      headers: { origin: test.origin },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'site_not_found',
    );
    const garbage = await test.fetch('/v1/sites/%27%20or%201%3D1/config', {
      headers: { origin: test.origin },
    });
    expect(garbage.status).toBe(404);
  });

  it('answers a preflight from an origin of some site with 204 and CORS headers', async () => {
    const response = await test.fetch('/v1/events', {
      method: 'OPTIONS',
      headers: {
        origin: test.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-vouch-site',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(test.origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type, X-Vouch-Site');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('refuses a preflight from any other origin with 403 and no CORS headers', async () => {
    const response = await test.fetch('/v1/events', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual([]);
    const none = await test.fetch('/v1/events', { method: 'OPTIONS' });
    expect(none.status).toBe(403);
  });
});
