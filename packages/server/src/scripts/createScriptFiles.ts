import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** One servable file with its precompressed variants. */
export interface ScriptFile {
  contentType: string;
  /** Strong validator of the identity bytes; variants append `-br` / `-gz`. */
  etag: string;
  body: Uint8Array;
  br?: Uint8Array | undefined;
  gzip?: Uint8Array | undefined;
}

/** Reads script files from one folder, never outside it. */
export interface ScriptFiles {
  /** The file at `name` (`vouch.js`, `widgets/nps-3f2a.js`), or undefined. */
  read(name: string): Promise<ScriptFile | undefined>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Segments of letters, digits, `_`, `-` and `.` that do not start with a dot: no `..`,
// no hidden files, no backslashes or encoded characters.
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/**
 * Serves the widget package's built scripts. A file is hashed once and kept until its
 * size or modification time changes, so a rebuild is picked up without a restart.
 * `.br` and `.gz` files beside a script are its precompressed variants.
 */
export function createScriptFiles(dir: string): ScriptFiles {
  const root = resolve(dir);
  const cache = new Map<string, { stamp: string; file: ScriptFile }>();

  async function read(name: string): Promise<ScriptFile | undefined> {
    const contentType = CONTENT_TYPES[extname(name)];
    if (!contentType || !SAFE_NAME.test(name)) return undefined;
    const path = resolve(root, name);
    if (!path.startsWith(root + sep)) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const stamp = `${info.size}:${info.mtimeMs}`;
    const hit = cache.get(path);
    if (hit?.stamp === stamp) return hit.file;
    const body = await readFile(path);
    const file: ScriptFile = {
      contentType,
      etag: `"${createHash('sha256').update(body).digest('base64url')}"`,
      body,
      br: await readFile(`${path}.br`).catch(() => undefined),
      gzip: await readFile(`${path}.gz`).catch(() => undefined),
    };
    cache.set(path, { stamp, file });
    return file;
  }

  return { read };
}
