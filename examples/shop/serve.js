#!/usr/bin/env node
// The example shop and its vouch server on one port: `npm start` at the repository root.
import { createApp, migrate, openDatabase, startServer } from '@vouch/server';
import { createShopApp } from './lib/createShopApp.js';
import { databaseOptions } from './lib/databaseOptions.js';
import { DEMO_PUBLIC_KEY, ensureDemoSite } from './lib/ensureDemoSite.js';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), not "${process.env.PORT}"`);
  process.exit(2);
}
const production = process.env.NODE_ENV === 'production';

const where = databaseOptions(process.env, process.cwd());
const database = openDatabase('url' in where ? { url: where.url } : { file: where.file });
await migrate(database);

const server = await startServer({
  app: createShopApp({ vouchApp: createApp({ db: database }) }),
  port,
});
const origins = [`http://localhost:${server.port}`, `http://127.0.0.1:${server.port}`];
const shopUrl = `http://localhost:${server.port}/`;
const newSite = `npm run vouch-server -- sites create --name "My shop" --origin ${origins[0]}`;

if (production) {
  console.log(`vouch data: ${where.label}`);
  console.log(`No demo site is created in production. Create yours with: ${newSite}`);
} else {
  const demo = await ensureDemoSite(database, origins);
  if (demo.created) {
    console.log(`vouch: created the demo site "${demo.site.name}" (data in ${where.label})`);
    console.log(`  public key  ${demo.site.publicKey}  (already in the shop's pages)`);
    console.log(`  secret key  ${demo.secretKey}  (shown only now: the database keeps a hash)`);
  } else {
    console.log(
      `vouch: demo site "${demo.site.name}" (${DEMO_PUBLIC_KEY}), data in ${where.label}`,
    );
    console.log('  Its secret key was printed on the first start. For a new site with new keys:');
    console.log(`  ${newSite}`);
  }
  for (const origin of demo.addedOrigins) console.log(`  allowed origin ${origin}`);
}
console.log(`Lather & Leaf is open at ${shopUrl}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
