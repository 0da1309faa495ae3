// Plain JavaScript so that both the test suites (through vite) and `npm run bench`
// (plain Node, no TypeScript loader) can start a throwaway PostgreSQL the same way.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where PostgreSQL's server programs are: on PATH or in Debian's versioned folder.
 * @returns {string | undefined}
 */
export function findPostgresBin() {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A TCP port that was free a moment ago on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} ThrowawayPostgres
 * @property {string} url Admin URL of the cluster (`postgres://vouch@127.0.0.1:PORT/postgres`).
 * @property {() => void} stop Stops the cluster and deletes its files.
 */

/**
 * @typedef {object} StartPostgresOptions
 * @property {string} [bin] Folder of PostgreSQL's programs. Default: found by findPostgresBin
 * @property {string} [parent] Folder in which the cluster's own folder is made; a
 *   benchmark wants a real disk here, not a memory file system. Default: os.tmpdir()
 * @property {number} [maxConnections] Most connections the server accepts. Default: 200
 * @property {string} [cpus] CPUs the server may run on (`taskset -c` syntax), to keep it
 *   off a core that is being measured. Default: every CPU
 */

/**
 * Starts a throwaway PostgreSQL cluster from the machine's programs, listening on
 * 127.0.0.1 only, with `trust` authentication for the user `vouch`. PostgreSQL refuses
 * to run as root, so as root the cluster runs as the `postgres` user that Debian's
 * package creates. Returns undefined when PostgreSQL is not installed.
 * @param {StartPostgresOptions} [options]
 * @returns {Promise<ThrowawayPostgres | undefined>}
 */
export async function startPostgres(options = {}) {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(options.parent ?? tmpdir(), 'vouch-pg-'));
  const asRoot = process.getuid?.() === 0;
  /** @param {string} cmd @param {string[]} args */
  const run = (cmd, args) => {
    const full = [join(bin, cmd), ...args];
    const asUser = asRoot ? ['runuser', '-u', 'postgres', '--', ...full] : full;
    // The postmaster inherits pg_ctl's CPU affinity, and every backend the postmaster's.
    const [command = '', ...rest] = options.cpus
      ? ['taskset', '-c', options.cpus, ...asUser]
      : asUser;
    execFileSync(command, rest, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 200}`,
  ];
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'vouch', '--no-sync', '-E', 'UTF8']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', settings.join(' '), 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://vouch@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
