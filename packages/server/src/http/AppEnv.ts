import type { HttpBindings } from '@hono/node-server';
import type { Site } from '../sites/Site.js';

/**
 * Hono's environment for this app. Bindings are Node's request and response when served
 * by `startServer` (or any `@hono/node-server`), absent under `app.request()`.
 */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** The site a browser or admin call was authenticated for. */
    site: Site;
    /** Set when the request's origin was refused, so that no CORS header is added. */
    originRefused: boolean;
    /** The origin a browser call came from, once allowed: the answer's CORS headers name it. */
    allowedOrigin: string;
  };
}
