// The server side of the events benchmark, run as its own process so that it can be
// pinned to one core. Opens the database named by the environment, creates a site,
// listens on 127.0.0.1 and prints one JSON line: { url, publicKey, origin }.
import {
  createApp,
  createSite,
  migrate,
  openDatabase,
  startServer,
} from '../packages/server/dist/index.js';

const ORIGIN = 'https://bench.shop.example';
const url = process.env.BENCH_DATABASE_URL;
const file = process.env.BENCH_DATABASE_FILE;
const crowd = process.env.BENCH_CROWD === '1';

const db = openDatabase(url ? { url } : { file });
await migrate(db);
const { publicKey } = await createSite(db, { name: 'Benchmark', origins: [ORIGIN] });
// The load comes from one address at far more than a shopper's rate: the benchmark
// measures the write path, not the limiter's refusals. A crowd (BENCH_CROWD=1) comes
// through a proxy from many addresses and is counted as the server counts by default,
// at a limit it never reaches, so that counting costs what it costs but refuses none.
const app = createApp({
  db,
  rateLimit: crowd ? { limit: 1_000_000_000, windowSeconds: 60 } : false,
  trustProxy: crowd,
});
const server = await startServer({ app, port: 0, hostname: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: server.url, publicKey, origin: ORIGIN })}\n`);

const stop = async () => {
  await server.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
