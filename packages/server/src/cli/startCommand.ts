import { createApp } from '../createApp.js';
import { startServer } from '../startServer.js';
import type { CliIo } from './CliIo.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './UsageError.js';
import { withDatabase } from './withDatabase.js';

/** `vouch-server start`: serves until SIGINT or SIGTERM, then closes cleanly. */
export async function startCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseFlags('start', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'trust-proxy': { type: 'boolean' },
  });
  const port = parsePort(values.port ?? io.env.PORT ?? '8787', values.port ? '--port' : 'PORT');
  await withDatabase(io, async (database, applied) => {
    if (applied.length) io.stdout(`Applied ${applied.join(', ')}\n`);
    const app = createApp({ db: database, trustProxy: values['trust-proxy'] ?? false });
    const server = await startServer({
      app,
      port,
      rewardSweep: { database },
      ...(values.host ? { hostname: values.host } : {}),
    });
    io.stdout(`vouch-server listening on ${server.url} (database: ${database.label})\n`);
    const signal = await io.waitForStop();
    io.stdout(`${signal}: stopping\n`);
    await server.close();
  });
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`start: ${source} must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}
