import type { Hono } from 'hono';
import { CouponFileError } from '../coupons/CouponFileError.js';
import { importCoupons } from '../coupons/importCoupons.js';
import { listCouponPools } from '../coupons/listCouponPools.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { ApiError } from '../http/ApiError.js';
import type { AppEnv } from '../http/AppEnv.js';
import { readBodyBytes } from '../http/readBodyBytes.js';
import { isSiteInputError } from '../sites/SiteInputError.js';
import { invalidSettings } from './adminSiteRoute.js';

/** Content types a CSV upload may come as: spreadsheets and browsers label it variously. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

export interface AdminCouponsRouteOptions {
  database: VouchDatabase;
  /** Largest coupon file in bytes. */
  fileLimit: number;
}

/**
 * `POST /v1/admin/coupons/:pool`: imports a CSV coupon file into a pool (see
 * `importCoupons`): good lines imported, bad ones and duplicates reported by line; a
 * file that cannot be read imports nothing (400 `invalid_csv`; 413 past the limit; 415
 * for a body that is not sent as CSV). `GET /v1/admin/coupons`: every pool's counts.
 */
export function adminCouponsRoute(app: Hono<AppEnv>, options: AdminCouponsRouteOptions): void {
  const { database, fileLimit } = options;

  app.get('/v1/admin/coupons', async (c) =>
    c.json({ pools: await listCouponPools(database.db, c.get('site').id) }),
  );

  app.post('/v1/admin/coupons/:pool', async (c) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type && !CSV_TYPES.includes(type)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send the coupon file as Content-Type: text/csv, not ${type}.`,
      );
    }
    const bytes = await readBodyBytes(c, fileLimit);
    const result = await importCoupons(
      database,
      c.get('site').id,
      c.req.param('pool'),
      bytes,
    ).catch((error: unknown) => {
      if (isSiteInputError(error)) throw invalidSettings(error.issues);
      if (error instanceof CouponFileError) {
        throw new ApiError(400, 'invalid_csv', `Nothing was imported: ${error.message}.`, {
          issues: [
            {
              path: error.line === undefined ? 'body' : `line.${error.line}`,
              message: error.message,
            },
          ],
        });
      }
      throw error;
    });
    return c.json(result);
  });
}
