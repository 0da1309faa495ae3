import type { MiddlewareHandler } from 'hono';
import type { VouchDatabase } from '../db/openDatabase.js';
import { verifySecretKey } from '../sites/verifySecretKey.js';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';

/**
 * Admin and server-to-server calls: `Authorization: Bearer sk_…`. A missing or wrong key
 * is 401 `unauthorized`, the same answer for both so that nothing is learnt by guessing.
 */
export function requireSecretKey(database: VouchDatabase): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const site = match?.[1] ? await verifySecretKey(database, match[1]) : undefined;
    if (!site) {
      throw new ApiError(
        401,
        'unauthorized',
        'A valid secret key is required: Authorization: Bearer sk_…',
        {
          headers: { 'WWW-Authenticate': 'Bearer realm="vouch"' },
        },
      );
    }
    c.set('site', site);
    await next();
  };
}
