import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Content types of what the shop serves; anything else goes out as bytes.
 * @type {Record<string, string>}
 */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * @typedef {object} StaticHandlerOptions
 * @property {string} root Folder whose files are served.
 * @property {string} [notFound] Page (relative to `root`) sent with every 404.
 *   Default: '404.html'
 */

/**
 * A handler for a folder of static files: `index.html` for folders, a 404 page, and
 * `ETag` revalidation so that a shop page is fresh after every edit (`no-cache` means
 * "ask first", not "never store").
 * @param {StaticHandlerOptions} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createStaticHandler({ root, notFound = '404.html' }) {
  const base = resolve(root);

  /** @param {string} pathname */
  async function find(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    // No NUL bytes, no dot-files or dot-folders, nothing outside the root.
    if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) {
      return undefined;
    }
    const file = resolve(base, `.${decoded}`);
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file, redirect: undefined };
    if (!info?.isDirectory()) return undefined;
    // A folder without its trailing slash would break the page's relative links.
    if (!pathname.endsWith('/')) return { file: undefined, redirect: `${pathname}/` };
    const index = resolve(file, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile()
      ? { file: index, redirect: undefined }
      : undefined;
  }

  /**
   * @param {string} file
   * @param {number} status
   * @param {Request} request
   */
  async function send(file, status, request) {
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (status === 200 && request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(request.method === 'HEAD' ? null : body, { status, headers });
  }

  return async function serveStatic(request) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const url = new URL(request.url);
    const found = await find(url.pathname);
    if (found?.redirect) {
      return new Response(null, {
        status: 301,
        headers: { Location: found.redirect + url.search },
      });
    }
    if (found?.file) return send(found.file, 200, request);
    const page = resolve(base, notFound);
    if ((await stat(page).catch(() => undefined))?.isFile()) return send(page, 404, request);
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  };
}
