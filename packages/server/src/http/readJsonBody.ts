import type { Context } from 'hono';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';
import { readBodyBytes } from './readBodyBytes.js';

/**
 * Reads the body as JSON whatever its content type: beacons and CORS-simple requests
 * send `text/plain`. A body over `limit` bytes is 413 (see {@link readBodyBytes});
 * malformed JSON → 400 `invalid_json`.
 */
export async function readJsonBody(c: Context<AppEnv>, limit: number): Promise<unknown> {
  const bytes = await readBodyBytes(c, limit);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not UTF-8 text.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!text.trim()) throw new ApiError(400, 'invalid_json', 'The body is empty; send JSON.');
    const detail = error instanceof SyntaxError ? ` ${error.message}` : '';
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON.${detail}`);
  }
}

// Decoding without `stream` keeps no state between calls, so one decoder serves all.
const utf8 = new TextDecoder('utf-8', { fatal: true });
