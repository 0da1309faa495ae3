import type { Context } from 'hono';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';

/**
 * Reads the body as JSON whatever its content type: beacons and CORS-simple requests
 * send `text/plain`. Refuses a body over `limit` bytes (413) by its declared length
 * before reading anything, and by the bytes actually received when no length is given
 * (chunked), so an endless body never fills memory. Malformed JSON → 400 `invalid_json`.
 */
export async function readJsonBody(c: Context<AppEnv>, limit: number): Promise<unknown> {
  const tooLarge = () =>
    new ApiError(413, 'body_too_large', `The body is larger than ${limit} bytes.`);
  const declared = c.req.header('content-length');
  let bytes: Uint8Array;
  if (declared !== undefined) {
    if (Number(declared) > limit) throw tooLarge();
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } else {
    bytes = await readLimited(c.req.raw.body, limit, tooLarge);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not UTF-8 text.');
  }
  if (!text.trim()) throw new ApiError(400, 'invalid_json', 'The body is empty; send JSON.');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` ${error.message}` : '';
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON.${detail}`);
  }
}

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
