import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (/** @type {string} */ name) => fileURLToPath(new URL(name, import.meta.url));
const hasTaskset =
  spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).stdout.trim() !== '';

/**
 * A Node child process, pinned to `cpu` with `taskset` when the machine has it, so that
 * the server's figures are per core and the load generator does not steal from it.
 * @param {string} cpu
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function spawnPinned(cpu, args, env) {
  const [command, rest] = hasTaskset
    ? ['taskset', ['-c', cpu, process.execPath, ...args]]
    : [process.execPath, args];
  return spawn(command, rest, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Resolves with the first line a child prints, rejects if it exits or errs first.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @returns {Promise<string>}
 */
function firstLine(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no answer in ${timeoutMs} ms: ${err}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, end));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before answering: ${err.trim()}`));
    });
  });
}

/**
 * @typedef {object} ThroughputResult
 * @property {number} eventsPerSecond Acknowledged (2xx) one-event requests per second.
 * @property {number} p99 99th percentile latency, ms.
 * @property {number} p50 Median latency, ms.
 * @property {number} failed Non-2xx answers, socket errors and timeouts.
 * @property {boolean} pinned Whether server and load ran on separate cores.
 */

/**
 * `POST /v1/events` throughput: the built server in a child process on core 0, autocannon
 * in another on core 1, traffic only to 127.0.0.1, one event per request, a warm-up run
 * that is not counted, then the measured run. Stops by itself.
 *
 * The budget's load comes from one address with ids that follow one another, and the
 * server counts no rate limit. A `crowd` is what a shop's server sees: random ids, as
 * browsers make them (a B-tree inserts them all over its pages), from 64 addresses
 * behind a proxy, each counted against the rate limit in the database (at a limit never
 * reached).
 * @param {{ databaseUrl?: string, databaseFile?: string, connections?: number, warmup?: number, duration?: number, crowd?: boolean }} options
 *   `connections` default 64; `warmup` seconds, default 5; `duration` seconds, default
 *   10; `crowd` default false
 * @returns {Promise<ThroughputResult>}
 */
export async function measureThroughput(options) {
  const { connections = 64, warmup = 5, duration = 10, crowd = false } = options;
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  if (options.databaseUrl) env.BENCH_DATABASE_URL = options.databaseUrl;
  if (options.databaseFile) env.BENCH_DATABASE_FILE = options.databaseFile;
  if (crowd) env.BENCH_CROWD = '1';
  const server = spawnPinned('0', [here('eventsServer.js')], env);
  try {
    const target = JSON.parse(await firstLine(server, 30_000));
    const load = spawnPinned(
      '1',
      [here('loadEvents.js'), JSON.stringify({ ...target, connections, warmup, duration, crowd })],
      {},
    );
    const line = await firstLine(load, (warmup + duration + 60) * 1000);
    const result = JSON.parse(line);
    return {
      eventsPerSecond: result.ok / result.seconds,
      p99: result.p99,
      p50: result.p50,
      failed: result.non2xx + result.errors + result.timeouts,
      pinned: hasTaskset,
    };
  } finally {
    server.kill('SIGTERM');
  }
}
