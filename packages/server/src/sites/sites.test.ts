import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { addOrigin } from './addOrigin.js';
import { createSite } from './createSite.js';
import { findSiteByPublicKey } from './findSiteByPublicKey.js';
import { isKnownOrigin } from './isKnownOrigin.js';
import { listSites } from './listSites.js';
import { isSiteInputError } from './SiteInputError.js';
import { secretKeyHash } from './secretKeyHash.js';
import { verifySecretKey } from './verifySecretKey.js';

describeDatabases('sites and keys', (harness) => {
  let database: VouchDatabase;
  beforeAll(async () => {
    database = await harness.open();
  });

  it('creates a site with a pk_ + 24 and an sk_ + 40 base62 key, and stores only a hash', async () => {
    const created = await createSite(database, {
      name: 'Lather & Leaf',
      origins: ['https://soap.example', 'http://localhost:8787'],
    });
    expect(created.publicKey).toMatch(/^pk_[0-9A-Za-z]{24}$/);
    expect(created.secretKey).toMatch(/^sk_[0-9A-Za-z]{40}$/);
    expect(created.site).toMatchObject({
      name: 'Lather & Leaf',
      publicKey: created.publicKey,
      origins: ['http://localhost:8787', 'https://soap.example'],
      consentRequired: false,
      attributionDays: 30,
      attribution: 'last',
      locale: 'en',
      theme: {},
    });
    const row = await database.db
      .selectFrom('sites')
      .selectAll()
      .where('id', '=', created.site.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.secretKey.slice(3));
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never hands out the same keys twice', async () => {
    const a = await createSite(database, { name: 'A', origins: [] });
    const b = await createSite(database, { name: 'B', origins: [] });
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(a.secretKey).not.toBe(b.secretKey);
    expect(a.site.id).not.toBe(b.site.id);
  });

  it('finds a site by its public key, with its settings', async () => {
    const { publicKey, site } = await createSite(database, {
      name: 'Settings',
      origins: ['https://settings.example'],
      consentRequired: true,
      attributionDays: 14,
      attribution: 'first',
      locale: 'de-DE',
      theme: { accent: '#0a7' },
    });
    expect(await findSiteByPublicKey(database, publicKey)).toEqual(site);
    expect(await findSiteByPublicKey(database, 'pk_doesnotexist000000000000')).toBeUndefined();
    expect(await findSiteByPublicKey(database, "pk_' or 1=1 --")).toBeUndefined();
  });

  it('accepts a chosen public key once', async () => {
    const publicKey = `pk_demo${Date.now()}`;
    await createSite(database, { name: 'Demo', origins: [], publicKey });
    const again = createSite(database, { name: 'Demo 2', origins: [], publicKey });
    await expect(again).rejects.toMatchObject({
      name: 'SiteInputError',
      issues: [{ path: 'publicKey', message: 'is already used by another site' }],
    });
  });

  it('names every bad field of a new site', async () => {
    const error = await createSite(database, {
      name: ' ',
      origins: ['https://ok.example', 'https://shop.example/path', 'shop.example'],
      attributionDays: 0,
    }).catch((e: unknown) => e);
    expect(isSiteInputError(error)).toBe(true);
    const paths = isSiteInputError(error) ? error.issues.map((i) => i.path) : [];
    expect(paths).toEqual(['name', 'origins.1', 'origins.2', 'attributionDays']);
  });

  it('verifies the secret key and nothing like it', async () => {
    const { secretKey, site } = await createSite(database, { name: 'Secret', origins: [] });
    expect(await verifySecretKey(database, secretKey)).toEqual(site);
    const last = secretKey.at(-1) === 'a' ? 'b' : 'a';
    expect(await verifySecretKey(database, secretKey.slice(0, -1) + last)).toBeUndefined();
    expect(await verifySecretKey(database, secretKey.slice(0, -1))).toBeUndefined();
    expect(await verifySecretKey(database, site.publicKey)).toBeUndefined();
    expect(await verifySecretKey(database, '')).toBeUndefined();
  });

  it('adds origins once each, and refuses what is not an origin', async () => {
    const { site, publicKey } = await createSite(database, {
      name: 'Origins',
      origins: ['https://one.example'],
    });
    await addOrigin(database, site.id, 'https://two.example');
    await addOrigin(database, site.id, 'https://two.example');
    expect((await findSiteByPublicKey(database, publicKey))?.origins).toEqual([
      'https://one.example',
      'https://two.example',
    ]);
    await expect(addOrigin(database, site.id, 'https://two.example/')).rejects.toMatchObject({
      issues: [{ path: 'origin' }],
    });
    await expect(addOrigin(database, 'site_missing', 'https://x.example')).rejects.toThrow(
      /no site/,
    );
    expect(await isKnownOrigin(database, 'https://two.example')).toBe(true);
    expect(await isKnownOrigin(database, 'https://nobody.example')).toBe(false);
  });

  it('lists every site with its origins and no secret', async () => {
    const { site, secretKey } = await createSite(database, {
      name: 'Listed',
      origins: ['https://b.listed.example', 'https://a.listed.example'],
    });
    const sites = await listSites(database);
    const listed = sites.find((s) => s.id === site.id);
    expect(listed?.origins).toEqual(['https://a.listed.example', 'https://b.listed.example']);
    expect(JSON.stringify(sites)).not.toContain(secretKey);
    expect(JSON.stringify(sites)).not.toContain(secretKeyHash(secretKey));
    for (const each of sites) {
      expect(Object.keys(JSON.parse(JSON.stringify(each))).sort()).toEqual([
        'attribution',
        'attributionDays',
        'consentRequired',
        'createdAt',
        'id',
        'identityVerification',
        'locale',
        'name',
        'npsRules',
        'origins',
        'publicKey',
        'referralProgram',
        'shareProgram',
        'theme',
      ]);
    }
  });
});
