import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './http/AppEnv.js';
import { type RewardSweepOptions, startRewardSweep } from './referrals/startRewardSweep.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  app: Hono<AppEnv> | { fetch: Hono<AppEnv>['fetch'] };
  /** 0 picks a free port. */
  port: number;
  /**
   * Address to listen on.
   * @default every interface
   */
  hostname?: string;
  /**
   * Approves rewards whose hold has ended periodically, for every site of this database
   * (reads approve what is due anyway; this makes coupons go out on time). Stopped by
   * `close()`. Several instances may sweep one database.
   * @default off
   */
  rewardSweep?: RewardSweepOptions;
}

/** A listening server. */
export interface RunningServer {
  /** `http://HOST:PORT`, with `localhost` when listening on every interface. */
  url: string;
  port: number;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves when closed. */
  close(): Promise<void>;
}

/** Serves an app over HTTP on Node. */
export function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { app, port, hostname } = options;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, (info) => {
      server.off('error', reject);
      const stopSweep = options.rewardSweep ? startRewardSweep(options.rewardSweep) : undefined;
      resolve({
        url: urlOf(info, hostname),
        port: info.port,
        close: async () => {
          await stopSweep?.();
          await close();
        },
      });
    });
    server.once('error', reject);

    function close(): Promise<void> {
      return new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
    }
  });
}

function urlOf(info: AddressInfo, hostname: string | undefined): string {
  const wildcard = !hostname || hostname === '0.0.0.0' || hostname === '::';
  const host = wildcard ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `http://${host}:${info.port}`;
}
