import type { Context, Hono } from 'hono';
import type { AppEnv } from '../http/AppEnv.js';
import { errorResponse } from '../http/handleError.js';
import type { ScriptFile, ScriptFiles } from '../scripts/createScriptFiles.js';

/** The loader may change with every release, so it is cached briefly. */
const LOADER_CACHE = 'public, max-age=300';
/** Widget chunks have content-hashed names: a name never changes its bytes. */
const CHUNK_CACHE = 'public, max-age=31536000, immutable';

/**
 * `GET /v1/vouch.js` (the loader) and `GET /v1/widgets/*` (lazily imported chunks). Both
 * are embedded and imported by shops' pages on other origins: CORS `*`, CORP
 * cross-origin. Validated with a strong ETag; brotli or gzip when a precompressed file
 * exists and the browser accepts it.
 */
export function scriptRoutes(app: Hono<AppEnv>, files: ScriptFiles): void {
  app.get('/v1/vouch.js', async (c) => serve(c, await files.read('vouch.js'), LOADER_CACHE));
  app.get('/v1/widgets/*', async (c) => {
    const name = c.req.path.slice('/v1/widgets/'.length);
    return serve(c, await files.read(`widgets/${name}`), CHUNK_CACHE);
  });
}

function serve(c: Context<AppEnv>, file: ScriptFile | undefined, cacheControl: string) {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!file) {
    return errorResponse(c, 404, { code: 'not_found', message: 'There is no such script.' });
  }
  const accepted = c.req.header('accept-encoding') ?? '';
  const [body, encoding, etag] =
    file.br && /\bbr\b/.test(accepted)
      ? [file.br, 'br', `${file.etag.slice(0, -1)}-br"`]
      : file.gzip && /\bgzip\b/.test(accepted)
        ? [file.gzip, 'gzip', `${file.etag.slice(0, -1)}-gz"`]
        : [file.body, undefined, file.etag];
  if (file.br || file.gzip) c.header('Vary', 'Accept-Encoding', { append: true });
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', file.contentType);
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(body as Uint8Array<ArrayBuffer>, 200);
}

/** `If-None-Match` uses the weak comparison: `W/"x"` matches `"x"`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
