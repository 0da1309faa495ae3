import { addOrigin, createSite, findSiteByPublicKey } from '@vouch/server';

/** The demo site's public key, fixed so that the shop's pages stay plain HTML. */
export const DEMO_PUBLIC_KEY = 'pk_demo_lather_and_leaf_0001';
export const DEMO_SITE_NAME = 'Lather & Leaf';

/**
 * @typedef {object} DemoSite
 * @property {import('@vouch/server').Site} site
 * @property {boolean} created Whether this call created it.
 * @property {string | undefined} secretKey Only when just created: the database keeps a hash.
 * @property {string[]} addedOrigins Origins this call allowed.
 */

/**
 * Makes sure the demo site exists and allows `origins` (the shop's own, which change
 * with the port). Safe to call on every start: an existing site keeps its keys.
 * @param {import('@vouch/server').VouchDatabase} database
 * @param {string[]} origins
 * @returns {Promise<DemoSite>}
 */
export async function ensureDemoSite(database, origins) {
  const existing = await findSiteByPublicKey(database, DEMO_PUBLIC_KEY);
  if (!existing) {
    const { site, secretKey } = await createSite(database, {
      name: DEMO_SITE_NAME,
      origins,
      publicKey: DEMO_PUBLIC_KEY,
    });
    return { site, created: true, secretKey, addedOrigins: origins };
  }
  const addedOrigins = origins.filter((origin) => !existing.origins.includes(origin));
  for (const origin of addedOrigins) await addOrigin(database, existing.id, origin);
  return { site: existing, created: false, secretKey: undefined, addedOrigins };
}
