import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { VouchDatabase } from './db/openDatabase.js';
import { createEventWriter, type EventCommit } from './events/createEventWriter.js';
import type { AppEnv } from './http/AppEnv.js';
import { browserCors, preflight } from './http/cors.js';
import { createSiteDirectory } from './http/createSiteDirectory.js';
import { createErrorHandler, type Logger, notFound } from './http/handleError.js';
import { requireSecretKey } from './http/requireSecretKey.js';
import { securityHeaders } from './http/securityHeaders.js';
import { createRateLimiter, type RateLimitOptions } from './rateLimit/createRateLimiter.js';
import { adminCouponsRoute } from './routes/adminCouponsRoute.js';
import { adminNpsRoute } from './routes/adminNpsRoute.js';
import { adminReferralProgramRoute } from './routes/adminReferralProgramRoute.js';
import { adminReferralsRoute } from './routes/adminReferralsRoute.js';
import { adminShareProgramRoute } from './routes/adminShareProgramRoute.js';
import { adminSharesRoute } from './routes/adminSharesRoute.js';
import { adminSiteRoute } from './routes/adminSiteRoute.js';
import { adminTestimonialsRoute } from './routes/adminTestimonialsRoute.js';
import { conversionsRoute } from './routes/conversionsRoute.js';
import { eventsRoute } from './routes/eventsRoute.js';
import { healthRoute } from './routes/healthRoute.js';
import { npsRoute } from './routes/npsRoute.js';
import { openApiRoute } from './routes/openApiRoute.js';
import { publicTestimonialsRoute } from './routes/publicTestimonialsRoute.js';
import { referralsRoute } from './routes/referralsRoute.js';
import { scriptRoutes } from './routes/scriptRoutes.js';
import { sharesRoute } from './routes/sharesRoute.js';
import { siteConfigRoute } from './routes/siteConfigRoute.js';
import { testimonialsRoute } from './routes/testimonialsRoute.js';
import { withdrawalPageRoute } from './routes/withdrawalPageRoute.js';
import { createScriptFiles } from './scripts/createScriptFiles.js';
import { DEFAULT_SPAM_RULES, type SpamRules } from './testimonials/spamRules.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The open (and migrated) database. */
  db: VouchDatabase;
  /**
   * Folder holding the loader `vouch.js` and the `widgets/` chunks.
   * @default the built script folder of `@vouch/widget` (`dist/script`)
   */
  scriptDir?: string;
  /**
   * Largest request body in bytes.
   * @default 65536
   */
  bodyLimit?: number;
  /**
   * Largest coupon file `POST /v1/admin/coupons/:pool` takes, in bytes (about 400,000
   * codes of 12 characters).
   * @default 5242880 (5 MiB)
   */
  couponFileLimit?: number;
  /**
   * Limit on browser writes per site and client address, counted in the database so
   * that it holds across instances; `false` turns it off (benchmarks, trusted networks).
   * @default { limit: 600, windowSeconds: 60 }
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Limit on new testimonials per site and client address, on top of `rateLimit`
   * (counted in the database too); past it `POST /v1/testimonials` is 429 with
   * `Retry-After`, which the client's outbox waits out. `false` turns it off.
   * @default { limit: 10, windowSeconds: 600 }
   */
  testimonialRateLimit?: RateLimitOptions | false;
  /**
   * Thresholds of the testimonial spam checks, each defaulting on its own.
   * @default { minFillMs: 3000, maxLinks: 2, duplicateDays: 30 }
   */
  spamRules?: Partial<SpamRules>;
  /**
   * Whether a reverse proxy in front sets `X-Forwarded-For` (client address: its last
   * entry) and `X-Forwarded-Proto`/`-Host`. Leave off when clients reach the server
   * directly, or they could choose their own address.
   * @default false
   */
  trustProxy?: boolean;
  /**
   * How long a site's settings are reused before they are read again; changes made by
   * another instance or the CLI show within this time. 0 reads them on every request.
   * @default 5000
   */
  siteCacheMs?: number;
  /**
   * Where unexpected errors are reported, with their stack (never sent to clients).
   * @default console
   */
  logger?: Logger;
  /**
   * The clock, in epoch milliseconds.
   * @default Date.now
   */
  now?: () => number;
  /** Called after each group commit of events, for measurements. */
  onEventCommit?: (commit: EventCommit) => void;
}

/**
 * The vouch HTTP API as a Hono app: serve it with {@link startServer} or mount it in
 * another Hono app. The app keeps per-instance caches and a group-commit queue but no
 * timers, so it needs no closing; close the database when done.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const database = options.db;
  const trustProxy = options.trustProxy ?? false;
  const now = options.now ?? Date.now;
  const sites = createSiteDirectory({ database, ttlMs: options.siteCacheMs ?? 5000, now });
  const rateLimiter =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? {});
  const writer = createEventWriter({
    database,
    rateLimiter,
    now,
    onCommit: options.onEventCommit,
  });

  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(options.logger ?? console));
  app.notFound(notFound);
  app.use('*', securityHeaders());
  const cors = browserCors(sites);
  app.use('/v1/*', (c, next) => (c.req.path.startsWith('/v1/admin/') ? next() : cors(c, next)));
  app.options('/v1/*', preflight(sites));
  app.use('/v1/admin/*', requireSecretKey(database));

  healthRoute(app, database);
  scriptRoutes(app, createScriptFiles(options.scriptDir ?? defaultScriptDir()));
  siteConfigRoute(app, sites, trustProxy);
  eventsRoute(app, {
    sites,
    writer,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy,
    rateLimited: rateLimiter !== undefined,
  });
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  adminSiteRoute(app, { database, sites, bodyLimit });
  adminReferralProgramRoute(app, { database, sites, bodyLimit });
  adminShareProgramRoute(app, { database, sites, bodyLimit });
  adminCouponsRoute(app, { database, fileLimit: options.couponFileLimit ?? 5 * 1024 * 1024 });
  const referralOptions = {
    database,
    sites,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy,
    rateLimiter,
    now,
  };
  referralsRoute(app, referralOptions);
  conversionsRoute(app, referralOptions);
  npsRoute(app, referralOptions);
  sharesRoute(app, referralOptions);
  testimonialsRoute(app, {
    ...referralOptions,
    testimonialLimiter:
      options.testimonialRateLimit === false
        ? undefined
        : createRateLimiter(options.testimonialRateLimit ?? { limit: 10, windowSeconds: 600 }),
    spamRules: { ...DEFAULT_SPAM_RULES, ...options.spamRules },
  });
  withdrawalPageRoute(app, referralOptions);
  publicTestimonialsRoute(app, { database, sites, trustProxy });
  adminReferralsRoute(app, { database, now });
  adminNpsRoute(app, { database });
  adminSharesRoute(app, { database });
  adminTestimonialsRoute(app, { database, bodyLimit, now });
  openApiRoute(app);
  return app;
}

/** `dist/script` of the installed `@vouch/widget`, where its build puts the loader. */
function defaultScriptDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@vouch/widget/package.json')), 'dist', 'script');
}
