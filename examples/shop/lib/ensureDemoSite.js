import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { addOrigin, createSite, findSiteByPublicKey, verifySecretKey } from '@vouch/server';
import { FRIEND_COUPONS } from './couponFile.js';
import { demoNpsRules } from './demoNpsRules.js';
import { demoReferralProgram } from './demoReferralProgram.js';
import { demoShareProgram } from './demoShareProgram.js';
import { readDemoSiteFile, writeDemoSiteFile } from './demoSiteFile.js';

/** The demo site's public key, fixed so that the shop's pages stay plain HTML. */
export const DEMO_PUBLIC_KEY = 'pk_demo_lather_and_leaf_0001';
export const DEMO_SITE_NAME = 'Lather & Leaf';

/**
 * @typedef {object} DemoSiteOptions
 * @property {{ fetch: (request: Request) => Response | Promise<Response> }} vouchApp The
 *   vouch API (`createApp`), whose admin routes set up the referral program with the
 *   secret key, in-process.
 * @property {string} siteFile Where the secret key is kept for the shop's server
 *   (`.vouch/demo-site.json`, mode 600).
 * @property {{ pool: string, file: string }[]} couponFiles The shop's coupon exports, each
 *   uploaded as the vouch coupon pool it names (the friend's and the sharer's discounts).
 * @property {string} landingUrl The page referral links open (the shop's home page).
 */

/**
 * @typedef {object} DemoSite
 * @property {import('@vouch/server').Site} site
 * @property {boolean} created Whether this call created it.
 * @property {string | undefined} secretKey Only when just created: the database keeps a hash.
 * @property {string | undefined} serverKey The secret key for the shop's server (from
 *   the site file), or undefined when that file is missing or stale.
 * @property {string[]} addedOrigins Origins this call allowed.
 * @property {string[]} changes What this call set up besides, in words (for the console).
 */

/**
 * Makes sure the demo site exists, allows `origins` (the shop's own, which change with
 * the port) and runs the demo referral program: identity verification on, the program
 * of {@link demoReferralProgram}, the shop's coupon exports uploaded as its pools, the NPS
 * prompt under the rules of {@link demoNpsRules} and the share program of
 * {@link demoShareProgram} (each set once).
 * Safe to call on every start: an existing site keeps its keys and the program the
 * merchant may have changed (only a landing page on a port no longer in use is moved),
 * and a coupon export is uploaded again only when it changed.
 * @param {import('@vouch/server').VouchDatabase} database
 * @param {string[]} origins
 * @param {DemoSiteOptions} options
 * @returns {Promise<DemoSite>}
 */
export async function ensureDemoSite(database, origins, options) {
  const existing = await findSiteByPublicKey(database, DEMO_PUBLIC_KEY);
  let site = existing;
  let secretKey;
  let serverKey;
  let addedOrigins = origins;
  let saved = await readDemoSiteFile(options.siteFile);
  if (!existing) {
    const made = await createSite(database, {
      name: DEMO_SITE_NAME,
      origins,
      publicKey: DEMO_PUBLIC_KEY,
      locale: 'en-GB',
      identityVerification: true,
    });
    site = made.site;
    secretKey = made.secretKey;
    serverKey = made.secretKey;
    saved = { publicKey: DEMO_PUBLIC_KEY, secretKey };
    await writeDemoSiteFile(options.siteFile, saved);
  } else {
    addedOrigins = origins.filter((origin) => !existing.origins.includes(origin));
    for (const origin of addedOrigins) await addOrigin(database, existing.id, origin);
    const key = saved?.publicKey === DEMO_PUBLIC_KEY ? saved.secretKey : undefined;
    if (key && (await verifySecretKey(database, key))?.id === existing.id) serverKey = key;
  }
  if (!site) throw new Error('unreachable: the demo site was neither found nor created');

  const changes = [];
  if (serverKey && saved) {
    const admin = adminClient(options.vouchApp, serverKey);
    const program = site.referralProgram;
    if (!program) {
      await admin('PUT', '/v1/admin/referral-program', demoReferralProgram(options.landingUrl));
      await admin('PATCH', '/v1/admin/site', { identityVerification: true });
      changes.push('referral program set (friend 10% off, £5 credit for the referrer)');
    } else if (!origins.some((origin) => program.landingUrl?.startsWith(`${origin}/`))) {
      await admin('PUT', '/v1/admin/referral-program', {
        ...program,
        landingUrl: options.landingUrl,
      });
      changes.push(`referral links now open ${options.landingUrl}`);
    }
    // Set once: rules the merchant changed, or turned off, stay as they are.
    if (!saved.npsRulesSet) {
      if (!site.npsRules) await admin('PATCH', '/v1/admin/site', { nps: demoNpsRules() });
      saved = { ...saved, npsRulesSet: true };
      await writeDemoSiteFile(options.siteFile, saved);
      changes.push('NPS prompt on (thank-you and product pages, after 4 s)');
    }
    for (const { pool, file } of options.couponFiles) {
      const csv = await readFile(file, 'utf8');
      const digest = createHash('sha256').update(csv).digest('hex');
      // The friend pool's digest was kept alone before the shop had a second pool.
      /** @type {string | undefined} */
      const uploaded =
        saved.couponDigests?.[pool] ??
        (pool === FRIEND_COUPONS.pool ? saved.couponsUploaded : undefined);
      if (uploaded === digest) continue;
      const result = await admin('POST', `/v1/admin/coupons/${pool}`, csv, {
        'content-type': 'text/csv',
      });
      changes.push(`coupon pool "${pool}": ${describeImport(result)}`);
      saved = { ...saved, couponDigests: { ...saved.couponDigests, [pool]: digest } };
      await writeDemoSiteFile(options.siteFile, saved);
    }
    // Set once, after its pool is there: a program the merchant changed or turned off stays.
    if (!saved.shareProgramSet) {
      const current = await admin('GET', '/v1/admin/share-program');
      if (!current?.program) await admin('PUT', '/v1/admin/share-program', demoShareProgram());
      saved = { ...saved, shareProgramSet: true };
      await writeDemoSiteFile(options.siteFile, saved);
      changes.push('share program on (a friend opens the shared link: 5% off for the sharer)');
    }
  }
  const refreshed = (await findSiteByPublicKey(database, DEMO_PUBLIC_KEY)) ?? site;
  return { site: refreshed, created: !existing, secretKey, serverKey, addedOrigins, changes };
}

/**
 * Calls vouch's admin API in-process with the secret key, as `curl -H "Authorization:
 * Bearer sk_…"` would; throws with vouch's own message when it refuses.
 * @param {DemoSiteOptions['vouchApp']} vouchApp
 * @param {string} secretKey
 */
function adminClient(vouchApp, secretKey) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body] JSON, or the text of a CSV; none for a GET
   * @param {Record<string, string>} [headers]
   */
  return async (method, path, body, headers = { 'content-type': 'application/json' }) => {
    const response = await vouchApp.fetch(
      new Request(new URL(path, 'http://localhost'), {
        method,
        headers: { authorization: `Bearer ${secretKey}`, ...headers },
        ...(body !== undefined && {
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      }),
    );
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      const message = answer?.error?.message ?? response.statusText;
      throw new Error(`vouch refused ${method} ${path}: ${response.status} ${message}`);
    }
    return answer;
  };
}

/**
 * What a coupon upload did, in words.
 * @param {any} result the answer of `POST /v1/admin/coupons/:pool`
 */
function describeImport(result) {
  const count = (/** @type {unknown} */ value) =>
    typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0;
  return `${count(result?.imported)} codes uploaded, ${count(result?.duplicates)} already there`;
}
