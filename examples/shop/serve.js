#!/usr/bin/env node
// The example shop and its vouch server on one port: `npm start` at the repository root.
import { resolve } from 'node:path';
import { migrate, openDatabase } from '@vouch/server';
import { databaseOptions } from './lib/databaseOptions.js';
import { DEMO_PUBLIC_KEY } from './lib/ensureDemoSite.js';
import { startShop } from './lib/startShop.js';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), not "${process.env.PORT}"`);
  process.exit(2);
}
const production = process.env.NODE_ENV === 'production';

const where = databaseOptions(process.env, process.cwd());
const database = openDatabase('url' in where ? { url: where.url } : { file: where.file });
await migrate(database);

const dataDir = resolve(process.cwd(), '.vouch');
const shop = await startShop({ database, port, dataDir, demo: !production });
const newSite = `npm run vouch-server -- sites create --name "My shop" --origin ${shop.origins[0]}`;

if (!shop.demo) {
  console.log(`vouch data: ${where.label}`);
  console.log(`No demo site is created in production. Create yours with: ${newSite}`);
} else {
  const demo = shop.demo;
  const siteFile = resolve(dataDir, 'demo-site.json');
  if (demo.created) {
    console.log(`vouch: created the demo site "${demo.site.name}" (data in ${where.label})`);
    console.log(`  public key  ${demo.site.publicKey}  (already in the shop's pages)`);
    console.log(`  secret key  ${demo.secretKey}  (shown only now: the database keeps a hash)`);
    console.log(`  The shop's server reads the secret key from ${siteFile} (development only).`);
  } else {
    console.log(
      `vouch: demo site "${demo.site.name}" (${DEMO_PUBLIC_KEY}), data in ${where.label}`,
    );
    console.log(
      demo.serverKey
        ? `  Its secret key is in ${siteFile} (development only). For a new site with new keys:`
        : '  Its secret key was printed on the first start. For a new site with new keys:',
    );
    console.log(`  ${newSite}`);
  }
  for (const origin of demo.addedOrigins) console.log(`  allowed origin ${origin}`);
  for (const change of demo.changes) console.log(`  ${change}`);
  if (!demo.serverKey) {
    console.log(`  The demo site's secret key is not in ${siteFile}, so the shop cannot`);
    console.log('  confirm orders or set up the referral program. To start the demo afresh,');
    console.log(`  stop the shop and delete ${dataDir}.`);
  }
}
console.log(`Lather & Leaf is open at ${shop.url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await shop.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
